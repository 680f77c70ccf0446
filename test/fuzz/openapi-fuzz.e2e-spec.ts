import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorShapeProblems } from '../support/contract';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from '../support/test-app';
import { type FuzzRequest, operations, requestArbitrary } from './openapi-arbitraries';

/** Cases per operation: a few inside `npm test`, many more under `npm run fuzz` (FUZZ_RUNS=200). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
/** Operations that run a whole job (every seed, a projection from the start): a twentieth of the cases. */
const JOBS = new Set(['POST /v1/admin/seeds/replay', 'POST /v1/admin/projections/{name}/rebuild']);
/** A file to append each case's status, latency and path to, for looking at what the cases reach. */
const LOG = process.env.FUZZ_LOG;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

type Answer = { status: number; contentType: string; body: string };

/** Sends one request as raw as Node lets a client; an event stream is read up to its headers, then dropped. */
const send = (port: number, { method, path, headers, body }: FuzzRequest): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...headers,
          ...(body === null
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (response) => {
        const contentType = String(response.headers['content-type'] ?? '');
        if (contentType.startsWith('text/event-stream')) {
          response.destroy();
          return resolve({ status: response.statusCode ?? 0, contentType, body: '' });
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body ?? undefined);
  });

const problemWith = (answer: Answer): string | null => {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400) return null;
  if (!answer.contentType.startsWith('application/json'))
    return `answered ${answer.status} as ${answer.contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `answered ${answer.status} with a body that is not JSON`;
  }
  const problems = errorShapeProblems(body);
  return problems && `answered ${answer.status} outside the error shape: ${problems}`;
};

/**
 * Property: whatever a client sends to any operation of openapi.json (values its schemas describe, and wrong types,
 * huge or empty strings, NUL, lone surrogates, odd dates, deep nesting, numbers as strings, extra fields), with the
 * admin key so validation is reached, the answer is never a 5xx and every 4xx is in the documented error shape.
 */
describe('every operation of openapi.json under generated input (pglite)', () => {
  let app: TestApp;
  let port: number;
  const known: Record<string, string[]> = {};
  beforeAll(async () => {
    app = await startTestApp('pglite', {
      WEBHOOKS_ALLOW_CIDRS: '127.0.0.0/8',
      SSE_MAX_STREAMS: '10000',
      READ_CONSISTENCY_TIMEOUT: '100ms',
    });
    await app.app.listen(0, '127.0.0.1');
    port = (app.app.getHttpServer().address() as AddressInfo).port;
    const { actorId, topicIds } = await givenActorAndTopics(app, 2);
    const admin = bearer(ADMIN_KEY);
    const position = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(admin)
      .send(aPosition(topicIds[0]))
      .expect(201);
    const endpoint = await app
      .http()
      .post('/v1/webhooks/endpoints')
      .set(admin)
      .send({ url: 'https://127.0.0.1:9/hook', eventTypes: ['webhook.test'] })
      .expect(201);
    await app.projections.caughtUp();
    Object.assign(known, {
      actorId: [actorId],
      actor: [actorId],
      actors: [`${actorId},keir-starmer`],
      topicId: topicIds,
      topic: topicIds,
      positionId: [position.body.positionId],
      endpointId: [endpoint.body.id],
      name: ['stance-timeline'],
      roleId: ['minister-2024-01-01'],
      alias: ['The Actor'],
      'If-Match': [`"${position.body.revision}"`],
      'Positions-Consistency': [String(position.headers['positions-consistency'])],
    });
  });
  afterAll(() => app.close());

  it.each(operations().map((operation) => [`${operation.method} ${operation.template}`, operation] as const))(
    '%s answers no 5xx, and every 4xx in the error shape',
    async (name, operation) => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation, known, `Bearer ${ADMIN_KEY}`), async (request) => {
          const started = Date.now();
          const answer = await send(port, request);
          if (LOG)
            appendFileSync(
              LOG,
              `${name} ${answer.status} ${Date.now() - started}ms ${request.path.slice(0, 200)} ${answer.body.slice(0, 160)}\n`,
            );
          const problem = problemWith(answer);
          if (problem)
            throw new Error(
              `${request.method} ${request.path} ${problem}\nbody: ${request.body?.slice(0, 500)}`,
            );
        }),
        {
          numRuns: JOBS.has(name) ? Math.max(1, Math.round(RUNS / 20)) : RUNS,
          seed: SEED,
          endOnFailure: true,
        },
      );
    },
  );
});
