import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { bearer, EDITOR_KEY, READER_KEY, startTestApp, type TestApp } from '../support/test-app';
import { openSocket, rawRequest, readResponse } from './raw-http';

const listen = async (app: TestApp): Promise<number> => {
  await app.app.listen(0, '127.0.0.1');
  return (app.app.getHttpServer().address() as AddressInfo).port;
};

const json = (body: string) => JSON.parse(body) as { error: { code: string; details: unknown } };

/** Headers of a JSON POST whose body is announced and never sent. */
const headersOnly = (path: string, headers: Record<string, string> = {}): string =>
  [
    `POST ${path} HTTP/1.1`,
    'Host: localhost',
    'Content-Type: application/json',
    'Content-Length: 1048576',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');

describe('requests a client cannot use to burn the server (pglite)', () => {
  let app: TestApp;
  let port: number;
  beforeAll(async () => {
    app = await startTestApp('pglite');
    port = await listen(app);
  });
  afterAll(() => app.close());

  it.each([
    ['without a key', {}, 401, 'AUTH.KEY_REQUIRED'],
    ['with a key that is not one of ours', bearer('not-a-key-of-this-service'), 401, 'AUTH.INVALID_KEY'],
    ['with a key whose role is too low', bearer(READER_KEY), 403, 'AUTH.FORBIDDEN'],
  ])('answers a write %s before reading its body', async (_, headers, status, code) => {
    // The body never comes: a server that read it first would wait until the request timed out (408).
    const response = await rawRequest(port, headersOnly('/v1/actors', headers));
    expect(response?.status).toBe(status);
    expect(json(response?.body ?? '{}').error.code).toBe(code);
    expect(response?.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers a body sent to a route that does not exist before reading it', async () => {
    const response = await rawRequest(port, headersOnly('/v1/no-such-route', bearer(EDITOR_KEY)));
    expect(response?.status).toBe(404);
    expect(json(response?.body ?? '{}').error.code).toBe('REQUEST.NOT_FOUND');
  });

  it('refuses JSON nested 10,000 deep with 400 naming the body and the maxDepth rule', async () => {
    const response = await app
      .http()
      .post('/v1/actors')
      .set({ ...bearer(EDITOR_KEY), 'Content-Type': 'application/json' })
      .send('['.repeat(10_000))
      .expect(400);
    expect(response.body.error).toMatchObject({
      code: 'REQUEST.VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'body', rule: 'maxDepth' })],
    });
  });

  it('refuses an array of more than 1,000 members with 400 naming the maxMembers rule', async () => {
    const response = await app
      .http()
      .post('/v1/actors')
      .set(bearer(EDITOR_KEY))
      .send({ id: 'many-aliases', aliases: Array.from({ length: 5_000 }, (_, index) => `alias ${index}`) })
      .expect(400);
    expect(response.body.error.details).toEqual([
      expect.objectContaining({ field: 'body', rule: 'maxMembers' }),
    ]);
  });

  it('still takes nesting within the limit and brackets inside strings to the validation of the fields', async () => {
    const response = await app
      .http()
      .post('/v1/actors')
      .set(bearer(EDITOR_KEY))
      .send({ id: '[[[[', name: `${'{'.repeat(5_000)}`, nested: [[[[[[[[[[1]]]]]]]]]] })
      .expect(400);
    expect(response.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    const rules = response.body.error.details.map((detail: { rule: string }) => detail.rule);
    expect(rules).not.toContain('maxDepth');
    expect(rules).toContain('whitelistValidation');
  });

  it.each([
    [
      'headers larger than 16 KB',
      `GET /v1/topics HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'REQUEST.HEADERS_TOO_LARGE',
      { field: 'headers' },
    ],
    [
      'a raw \\xff byte in the path',
      'GET /v1/actors/\xff HTTP/1.1\r\nHost: localhost\r\n\r\n',
      400,
      'REQUEST.INVALID',
      { field: 'path' },
    ],
    [
      'Content-Length together with Transfer-Encoding',
      'POST /v1/actors HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'REQUEST.INVALID',
      { header: 'Transfer-Encoding' },
    ],
  ])('answers %s in our error shape', async (_, text, status, code, details) => {
    const response = await rawRequest(port, text);
    expect(response?.status).toBe(status);
    expect(response?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response?.headers['x-request-id']).toEqual(expect.any(String));
    expect(JSON.parse(response?.body ?? '{}')).toEqual({
      error: { code, message: expect.any(String), details },
    });
  });
});

describe('slow clients (pglite)', () => {
  let app: TestApp;
  let port: number;
  const PER_CLIENT = 12;
  beforeAll(async () => {
    app = await startTestApp('pglite', {
      HTTP_HEADERS_TIMEOUT: '1s',
      HTTP_REQUEST_TIMEOUT: '2s',
      HTTP_MAX_CONNECTIONS_PER_CLIENT: String(PER_CLIENT),
    });
    port = await listen(app);
  });
  afterAll(() => app.close());

  it('times out requests whose body never finishes, turns away connections past the cap meanwhile, and serves again after', async () => {
    const slow = await Promise.all(
      Array.from({ length: PER_CLIENT }, async () => {
        const socket = await openSocket(port);
        const answer = readResponse(socket);
        socket.write(
          `POST /v1/actors HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${EDITOR_KEY}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id": "slo',
        );
        return { socket, answer };
      }),
    );
    const turnedAway = await rawRequest(port, 'GET /v1/topics HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(turnedAway?.status).toBe(429);
    expect(json(turnedAway?.body ?? '{}').error.code).toBe('REQUEST.TOO_MANY_CONNECTIONS');
    for (const { socket, answer } of slow) {
      const response = await answer;
      expect(response?.status).toBe(408);
      expect(json(response?.body ?? '{}').error.code).toBe('REQUEST.TIMEOUT');
      // The server closes it: the slot is free again.
      if (!socket.closed) await once(socket, 'close');
    }
    await app.http().get('/v1/topics').expect(200);
  });

  it('times out a client that never finishes its headers', async () => {
    const socket = await openSocket(port);
    const answer = readResponse(socket);
    socket.write('GET /v1/topics HTTP/1.1\r\nHost: localh');
    const response = await answer;
    expect(response?.status).toBe(408);
    expect(json(response?.body ?? '{}').error.code).toBe('REQUEST.TIMEOUT');
  });
});
