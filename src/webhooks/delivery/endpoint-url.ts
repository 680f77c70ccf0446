import { promises as dns } from 'node:dns';
import { isIPv4 } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { AddressPolicy } from './address-policy';
import { errorCodeOf } from './error-chain';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type LookupAll = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export type EndpointUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export type ParsedEndpointUrl =
  { ok: true; url: URL; hostname: string; literalAddress: string | null } | { ok: false; reason: string };

export const defaultLookupAll: LookupAll = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

const numericLabel = /^(0x[0-9a-f]*|[0-9]+)$/i;

const looksNumeric = (hostname: string): boolean =>
  hostname
    .replace(/\.$/, '')
    .split('.')
    .every((label) => numericLabel.test(label));

export const parseEndpointUrl = (raw: string): ParsedEndpointUrl => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `"${raw}" is not a valid absolute URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      reason: `scheme ${url.protocol.replace(/:$/, '')} is not allowed (only http and https)`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'URLs with a username or password are not allowed' };
  }
  const hostname = url.hostname;
  if (hostname === '') return { ok: false, reason: 'the URL has no host' };
  if (hostname.startsWith('[') && hostname.endsWith(']')) {
    return { ok: true, url, hostname, literalAddress: hostname.slice(1, -1) };
  }
  if (isIPv4(hostname)) return { ok: true, url, hostname, literalAddress: hostname };
  // WHATWG URL already canonicalises decimal, octal and hex IPv4 forms; this only guards a parser change.
  if (looksNumeric(hostname)) {
    const stripped = hostname.replace(/\.$/, '');
    if (!ipaddr.IPv4.isValid(stripped)) {
      return {
        ok: false,
        reason: `host ${hostname} looks like a numeric address but is not a valid IPv4 address`,
      };
    }
    return { ok: true, url, hostname, literalAddress: ipaddr.IPv4.parse(stripped).toString() };
  }
  return { ok: true, url, hostname, literalAddress: null };
};

export const checkEndpointUrl = async (
  raw: string,
  policy: AddressPolicy,
  lookup: LookupAll = defaultLookupAll,
): Promise<EndpointUrlCheck> => {
  const parsed = parseEndpointUrl(raw);
  if (!parsed.ok) return parsed;
  const { url, hostname, literalAddress } = parsed;
  if (literalAddress !== null) {
    const verdict = policy.check(literalAddress);
    return verdict.allowed ? { ok: true, url } : { ok: false, reason: verdict.reason };
  }
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await lookup(hostname);
  } catch (error) {
    const code = errorCodeOf(error);
    return {
      ok: false,
      reason: `host ${hostname} does not resolve${code === undefined ? '' : ` (${code})`}`,
    };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${hostname} does not resolve` };
  for (const { address } of addresses) {
    const verdict = policy.check(address);
    if (!verdict.allowed)
      return { ok: false, reason: `host ${hostname} resolves to a refused address: ${verdict.reason}` };
  }
  return { ok: true, url };
};
