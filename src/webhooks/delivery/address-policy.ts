import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

interface EmbeddedIpv4 {
  form: string;
  address: ipaddr.IPv4;
}

const globalUnicastV6: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('2000::'), 3];
const nat64WellKnown: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('64:ff9b::'), 96];
const ipv4Compatible: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('::'), 96];

const ipv4From = (high: number, low: number): ipaddr.IPv4 =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

const embeddedIpv4s = (address: ipaddr.IPv6): EmbeddedIpv4[] => {
  const parts = address.parts;
  switch (address.range()) {
    case '6to4':
      return [{ form: '6to4', address: ipv4From(parts[1], parts[2]) }];
    case 'teredo':
      // Teredo carries the server in clear and the client obfuscated (bits inverted).
      return [
        { form: 'teredo server', address: ipv4From(parts[2], parts[3]) },
        { form: 'teredo client', address: ipv4From(parts[6] ^ 0xffff, parts[7] ^ 0xffff) },
      ];
    case 'rfc6145':
      return [{ form: 'rfc6145', address: ipv4From(parts[6], parts[7]) }];
    default:
      if (address.match(nat64WellKnown)) return [{ form: 'NAT64', address: ipv4From(parts[6], parts[7]) }];
      if (
        address.match(ipv4Compatible) &&
        address.range() !== 'unspecified' &&
        address.range() !== 'loopback'
      ) {
        return [{ form: 'IPv4-compatible', address: ipv4From(parts[6], parts[7]) }];
      }
      return [];
  }
};

const parseAllowedCidr = (cidr: string): [Address, number] => {
  let parsed: [Address, number];
  try {
    parsed = ipaddr.parseCIDR(cidr.trim());
  } catch {
    throw new Error(
      `AddressPolicy: invalid CIDR "${cidr}" in allowCidrs (expected e.g. 127.0.0.0/8 or ::1/128)`,
    );
  }
  const [network, bits] = parsed;
  // Candidates are unmapped before matching, so a mapped allowance must be unmapped too.
  if (network instanceof ipaddr.IPv6 && network.isIPv4MappedAddress() && bits >= 96) {
    return [network.toIPv4Address(), bits - 96];
  }
  return parsed;
};

export class AddressPolicy {
  private readonly allowed: readonly [Address, number][];

  constructor(allowCidrs: readonly string[]) {
    this.allowed = allowCidrs.map(parseAllowedCidr);
  }

  check(address: string): AddressVerdict {
    if (!ipaddr.isValid(address)) return { allowed: false, reason: `${address} is not an IP address` };
    const parsed = ipaddr.process(address);
    const label = parsed.toString() === address ? address : `${address} (${parsed.toString()})`;
    if (parsed instanceof ipaddr.IPv6) {
      for (const embedded of embeddedIpv4s(parsed)) {
        const problem = this.problemWith(embedded.address);
        if (problem !== null) {
          const reason = `address ${label} embeds ${embedded.form} IPv4 ${embedded.address.toString()}, which is ${problem}`;
          return { allowed: false, reason };
        }
      }
    }
    const problem = this.problemWith(parsed);
    return problem === null
      ? { allowed: true }
      : { allowed: false, reason: `address ${label} is ${problem}` };
  }

  private problemWith(address: Address): string | null {
    if (this.isAllowListed(address)) return null;
    const range = address.range();
    if (range !== 'unicast') return range;
    if (address instanceof ipaddr.IPv6 && !address.match(globalUnicastV6))
      return 'outside global unicast 2000::/3';
    return null;
  }

  private isAllowListed(address: Address): boolean {
    return this.allowed.some(
      ([network, bits]) => network.kind() === address.kind() && address.match(network, bits),
    );
  }
}
