import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AddressPolicy } from '../../src/webhooks/delivery/address-policy';
import { checkEndpointUrl, type LookupAll } from '../../src/webhooks/delivery/endpoint-url';
import { parseRetryAfter } from '../../src/webhooks/delivery/retry-after';
import { WebhookSender, type WebhookSenderOptions } from '../../src/webhooks/delivery/webhook-sender';

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

interface TestServer {
  port: number;
  origin: string;
  received: Received[];
  close: () => Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const PUBLIC_ADDRESS = '93.184.215.14';
const LONG_BODY = `ok-${'x'.repeat(2000)}`;
const servers: TestServer[] = [];
const senders: WebhookSender[] = [];
const timers: NodeJS.Timeout[] = [];

const startServer = async (handler: Handler): Promise<TestServer> => {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { method, url, headers } = request;
      received.push({ method, url, headers, body: Buffer.concat(chunks).toString('utf8') });
      response.on('error', () => undefined);
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const started: TestServer = {
    port,
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(started);
  return started;
};

const answer =
  (statusCode: number, body: string | Buffer, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(statusCode, headers);
    response.end(body);
  };

const lookupTo =
  (...addresses: string[]): LookupAll =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const noAllowance = new AddressPolicy([]);
const loopbackAllowed = new AddressPolicy(['127.0.0.0/8']);

const makeSender = (options: Partial<WebhookSenderOptions> = {}): WebhookSender => {
  const sender = new WebhookSender({
    policy: loopbackAllowed,
    connectTimeoutMs: 1000,
    totalTimeoutMs: 3000,
    maxResponseBytes: 1024,
    maxRetryAfterMs: 3_600_000,
    ...options,
  });
  senders.push(sender);
  return sender;
};

const aDelivery = (url: string) => ({
  url,
  headers: {
    'webhook-id': 'msg_2x9',
    'Webhook-Timestamp': '1735689600',
    'webhook-signature': 'v1,c2lnbmF0dXJl',
  },
  body: JSON.stringify({ type: 'position.stated', data: { positionId: 'p-1', stance: 'support' } }),
});

afterAll(async () => {
  timers.forEach(clearTimeout);
  await Promise.all(senders.map((sender) => sender.close()));
  await Promise.all(servers.map((server) => server.close()));
});

describe('AddressPolicy', () => {
  it('rejects a malformed CIDR with a clear error', () => {
    expect(() => new AddressPolicy(['10.0.0.0/33'])).toThrow(/invalid CIDR "10.0.0.0\/33"/);
    expect(() => new AddressPolicy(['localhost'])).toThrow(/invalid CIDR "localhost"/);
  });

  it('names the range it refuses and lets allow-listed ranges through', () => {
    expect(noAllowance.check('127.0.0.1')).toEqual({
      allowed: false,
      reason: 'address 127.0.0.1 is loopback',
    });
    expect(noAllowance.check('::7f00:1')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('127.0.0.1'),
    });
    expect(noAllowance.check('2606:2800:220:1:248:1893:25c8:1946')).toEqual({ allowed: true });
    expect(loopbackAllowed.check('127.0.0.1')).toEqual({ allowed: true });
    expect(loopbackAllowed.check('::ffff:127.0.0.1')).toEqual({ allowed: true });
    expect(loopbackAllowed.check('::1')).toMatchObject({ allowed: false });
  });
});

describe('checkEndpointUrl', () => {
  it.each([
    ['http://127.0.0.1/', /loopback/],
    ['http://localhost/', /host localhost resolves to a refused address: .*loopback/],
    ['http://127.1/', /127\.0\.0\.1 is loopback/],
    ['http://2130706433/', /127\.0\.0\.1 is loopback/],
    ['http://0x7f000001/', /127\.0\.0\.1 is loopback/],
    ['http://0177.0.0.1/', /127\.0\.0\.1 is loopback/],
    ['http://[::1]/', /::1 is loopback/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://[::ffff:7f00:1]/', /loopback/],
    ['http://10.0.0.1/', /private/],
    ['http://172.16.0.1/', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is linkLocal/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://[::]/', /unspecified/],
    ['http://224.0.0.1/', /multicast/],
    ['http://[fe80::1]/', /linkLocal/],
    ['http://[fc00::1]/', /uniqueLocal/],
    ['http://[fd00:ec2::254]/', /uniqueLocal/],
    ['http://100.64.0.1/', /carrierGradeNat/],
    ['http://100.100.100.200/', /carrierGradeNat/],
    ['http://[2002:7f00:1::]/', /6to4 IPv4 127\.0\.0\.1, which is loopback/],
    ['http://[64:ff9b::7f00:1]/', /NAT64 IPv4 127\.0\.0\.1, which is loopback/],
    ['ftp://example.com/', /scheme ftp is not allowed/],
    ['http://user:pw@example.com/', /username or password/],
  ])('refuses %s', async (raw, reason) => {
    const result = await checkEndpointUrl(raw, noAllowance);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuses a host name that does not resolve', async () => {
    const failing: LookupAll = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' });
    };
    await expect(checkEndpointUrl('https://nowhere.invalid/', noAllowance, failing)).resolves.toEqual({
      ok: false,
      reason: 'host nowhere.invalid does not resolve (ENOTFOUND)',
    });
  });

  it('refuses a host name when any of its addresses is refused', async () => {
    const result = await checkEndpointUrl(
      'https://mixed.test/',
      noAllowance,
      lookupTo(PUBLIC_ADDRESS, '10.1.2.3'),
    );
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('10.1.2.3 is private') });
  });

  it('accepts a public IP literal and a host name resolving to public addresses', async () => {
    const literal = await checkEndpointUrl(`https://${PUBLIC_ADDRESS}/hook`, noAllowance);
    expect(literal).toMatchObject({ ok: true, url: new URL(`https://${PUBLIC_ADDRESS}/hook`) });
    const named = await checkEndpointUrl(
      'https://hooks.example.com/in',
      noAllowance,
      lookupTo(PUBLIC_ADDRESS, '2606:2800:220:1:248:1893:25c8:1946'),
    );
    expect(named).toMatchObject({ ok: true, url: new URL('https://hooks.example.com/in') });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);
  const cap = 3_600_000;

  it('reads delay-seconds and caps them', () => {
    expect(parseRetryAfter('120', now, cap)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now, cap)).toBe(0);
    expect(parseRetryAfter('99999999', now, cap)).toBe(cap);
  });

  it('reads the three HTTP date forms relative to now', () => {
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now, cap)).toBe(30_000);
    expect(parseRetryAfter('Wednesday, 01-Jan-25 12:00:45 GMT', now, cap)).toBe(45_000);
    expect(parseRetryAfter('Wed Jan  1 12:01:00 2025', now, cap)).toBe(60_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', now, cap)).toBe(0);
    expect(parseRetryAfter('Wed, 01 Jan 2031 00:00:00 GMT', now, cap)).toBe(cap);
  });

  it('reads a date about 30 s ahead of the real clock', () => {
    const retryAfterMs = parseRetryAfter(new Date(Date.now() + 30_000).toUTCString(), Date.now(), cap);
    expect(retryAfterMs).toBeGreaterThanOrEqual(28_000);
    expect(retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it.each([['soon'], ['-5'], ['1.5'], ['Wed, 31 Feb 2025 00:00:00 GMT'], [''], [undefined]])(
    'returns null for %p',
    (value) => {
      expect(parseRetryAfter(value, now, cap)).toBeNull();
    },
  );
});

describe('WebhookSender', () => {
  it('delivers to an allow-listed loopback server: exact body and headers, status, latency, capped body', async () => {
    const server = await startServer(answer(200, LONG_BODY, { 'content-type': 'text/plain' }));
    const url = `${server.origin}/hooks/positions?tenant=t1`;
    await expect(checkEndpointUrl(url, loopbackAllowed)).resolves.toMatchObject({ ok: true });
    const delivery = aDelivery(url);

    const result = await makeSender().send(delivery);

    expect(result).toEqual({
      statusCode: 200,
      latencyMs: expect.any(Number),
      responseBody: LONG_BODY.slice(0, 1024),
      retryAfterMs: null,
      error: null,
      errorKind: null,
    });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(server.received).toHaveLength(1);
    const [received] = server.received;
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/hooks/positions?tenant=t1');
    expect(received.body).toBe(delivery.body);
    expect(received.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Positions-Webhooks/1',
      'webhook-id': 'msg_2x9',
      'webhook-timestamp': '1735689600',
      'webhook-signature': 'v1,c2lnbmF0dXJl',
    });
  });

  it('delivers through a host name when its connect-time address is allowed', async () => {
    const server = await startServer(answer(204, ''));
    const sender = makeSender({ lookup: lookupTo('127.0.0.1') });
    const result = await sender.send(aDelivery(`http://hooks.test:${server.port}/in`));
    expect(result).toMatchObject({ statusCode: 204, errorKind: null, responseBody: '' });
    expect(server.received).toHaveLength(1);
  });

  it('refuses an IP literal outside the policy without contacting the server', async () => {
    const server = await startServer(answer(200, 'should not happen'));
    const sender = makeSender({ policy: noAllowance });
    for (const url of [
      `${server.origin}/`,
      `http://[::1]:${server.port}/`,
      `http://2130706433:${server.port}/`,
    ]) {
      const result = await sender.send(aDelivery(url));
      expect(result).toMatchObject({
        statusCode: null,
        errorKind: 'ssrf',
        error: expect.stringMatching(/loopback/),
      });
    }
    expect(server.received).toHaveLength(0);
  });

  it('refuses a host name whose lookup resolves to loopback, at connect time', async () => {
    const server = await startServer(answer(200, 'should not happen'));
    for (const sender of [
      makeSender({ policy: noAllowance }),
      makeSender({ policy: noAllowance, lookup: lookupTo('127.0.0.1') }),
    ]) {
      const result = await sender.send(aDelivery(`http://localhost:${server.port}/`));
      expect(result).toMatchObject({
        statusCode: null,
        errorKind: 'ssrf',
        error: expect.stringContaining('host localhost resolved to a refused address at connect time'),
      });
    }
    expect(server.received).toHaveLength(0);
  });

  it('refuses a DNS rebinding that passed registration', async () => {
    const server = await startServer(answer(200, 'should not happen'));
    let calls = 0;
    const rebinding: LookupAll = async () => {
      calls += 1;
      return [{ address: calls === 1 ? PUBLIC_ADDRESS : '127.0.0.1', family: 4 }];
    };
    const url = `http://rebind.test:${server.port}/`;

    await expect(checkEndpointUrl(url, noAllowance, rebinding)).resolves.toMatchObject({ ok: true });
    const result = await makeSender({ policy: noAllowance, lookup: rebinding }).send(aDelivery(url));

    expect(result).toMatchObject({
      statusCode: null,
      errorKind: 'ssrf',
      error: expect.stringContaining('127.0.0.1'),
    });
    expect(calls).toBe(2);
    expect(server.received).toHaveLength(0);
  });

  it('gives up on a slow server at the total timeout', async () => {
    const server = await startServer((_request, response) => {
      timers.push(setTimeout(() => response.end('late'), 2000));
    });
    const started = performance.now();
    const result = await makeSender({ totalTimeoutMs: 300 }).send(aDelivery(server.origin));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({
      statusCode: null,
      errorKind: 'timeout',
      error: expect.stringContaining('300 ms'),
    });
  });

  it('does not follow redirects', async () => {
    const target = await startServer(answer(200, 'followed'));
    const redirecting = await startServer(answer(302, '', { location: `${target.origin}/elsewhere` }));
    const result = await makeSender().send(aDelivery(`${redirecting.origin}/`));
    expect(result).toMatchObject({ statusCode: 302, errorKind: null, error: null });
    expect(redirecting.received).toHaveLength(1);
    expect(target.received).toHaveLength(0);
  });

  it('reads at most maxResponseBytes of a huge body and stops promptly', async () => {
    const server = await startServer(answer(200, Buffer.alloc(5 * 1024 * 1024, 'a')));
    const started = performance.now();
    const result = await makeSender({ maxResponseBytes: 1024 }).send(aDelivery(server.origin));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.statusCode).toBe(200);
    expect(result.responseBody.length).toBeLessThanOrEqual(1024);
    expect(result.responseBody).toBe('a'.repeat(1024));
  });

  it('surfaces Retry-After from a 429, in seconds or as a date', async () => {
    const seconds = await startServer(answer(429, 'slow down', { 'retry-after': '120' }));
    const date = await startServer((_request, response) => {
      response.writeHead(503, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() });
      response.end();
    });
    const garbage = await startServer(answer(429, '', { 'retry-after': 'later' }));
    const sender = makeSender();

    await expect(sender.send(aDelivery(seconds.origin))).resolves.toMatchObject({
      statusCode: 429,
      retryAfterMs: 120_000,
      responseBody: 'slow down',
    });
    const fromDate = await sender.send(aDelivery(date.origin));
    expect(fromDate.statusCode).toBe(503);
    expect(fromDate.retryAfterMs).toBeGreaterThanOrEqual(28_000);
    expect(fromDate.retryAfterMs).toBeLessThanOrEqual(30_000);
    await expect(sender.send(aDelivery(garbage.origin))).resolves.toMatchObject({ retryAfterMs: null });
    await expect(
      makeSender({ maxRetryAfterMs: 60_000 }).send(aDelivery(seconds.origin)),
    ).resolves.toMatchObject({
      retryAfterMs: 60_000,
    });
  });

  it('reports a refused connection without a status code', async () => {
    const gone = await startServer(answer(200, ''));
    await gone.close();
    const result = await makeSender().send(aDelivery(gone.origin));
    expect(result.statusCode).toBeNull();
    expect(['connect', 'network']).toContain(result.errorKind);
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});
