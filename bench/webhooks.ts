import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EventStore } from '../src/infrastructure/event-store/event-store.port';
import { startBenchApp } from './app';
import { percentile, round } from './stats';
import { WebhookReceiver } from '../test/support/webhook-receiver';

/**
 * 10,000 stance changes fanned out to 10 endpoints on a local receiver (100,000 deliveries): deliveries/s
 * and append-to-delivery latency (the notice's record time to its arrival at the receiver).
 */
const env = process.env;
const CHANGES = Number(env.BENCH_WEBHOOK_CHANGES ?? 10_000);
const ENDPOINTS = Number(env.BENCH_WEBHOOK_ENDPOINTS ?? 10);
const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ADMIN = `bench-${randomBytes(12).toString('hex')}`;
const metadata = { recordedBy: 'bench', correlationId: 'bench', causationId: 'bench' };

/** A stance change: each one later than the last for its actor, alternating support and oppose. */
const stanceChange = (actorId: string, round: number, articleId: string, recordedAt: string) => ({
  id: randomUUID(),
  type: 'PositionStated',
  schemaVersion: 1,
  data: {
    positionId: randomUUID(),
    actorId,
    topicId: 'bench.topic',
    stance: round % 2 === 0 ? 'support' : 'oppose',
    conditions: [],
    summary: 's',
    quote: null,
    evidenceType: 'paraphrase',
    statedAt: new Date(Date.UTC(2025, 0, 1 + round)).toISOString(),
    statedAtPrecision: 'day',
    confidence: 1,
    sources: [{ outlet: 'Bench', articleId, url: null, publishedOn: null, text: 'w', span: null }],
    recordedAt,
  },
  metadata,
});

/** The paced phase: stance changes per second, below delivery capacity, where latency means something. */
const PACED_RATE = Number(env.BENCH_WEBHOOK_RATE ?? 80);
const PACED_CHANGES = Number(env.BENCH_WEBHOOK_PACED_CHANGES ?? 2_000);

const serverReachable = async (): Promise<boolean> => {
  const pool = new Pool({ connectionString: DATABASE_URL, max: 1, connectionTimeoutMillis: 2_000 });
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await pool.end();
  }
};

const main = async () => {
  const onServer = await serverReachable();
  const schema = `bench_webhooks_${randomBytes(4).toString('hex')}`;
  const overrides: Record<string, string> = {
    EVENT_STORE: onServer ? 'postgres' : 'pglite',
    DATABASE_URL: onServer ? DATABASE_URL : '',
    DATABASE_SCHEMA: schema,
    DATA_DIR: 'memory://',
    ADMIN_API_KEY: ADMIN,
    SEED_ON_START: 'false',
    PROJECTION_POLL_MS: '20',
    PROJECTION_BATCH_SIZE: '1000',
    WEBHOOKS_ALLOW_CIDRS: '127.0.0.0/8',
    WEBHOOKS_CONCURRENCY: env.BENCH_WEBHOOK_CONCURRENCY ?? '64',
    WEBHOOKS_POLL_MS: '10',
    LOG_LEVEL: 'warn',
  };
  const app = await startBenchApp(overrides);
  const store = app.get(EventStore);
  const receiver = new WebhookReceiver();
  await receiver.start();
  const latencies: number[] = [];
  let firstAppend = 0;
  let lastArrival = 0;
  receiver.reply = ({ body, at }) => {
    latencies.push(at - Date.parse(JSON.parse(body).data.recordedAt));
    lastArrival = at;
    return { status: 204 };
  };
  const http = () => app.getHttpServer();
  const request = (await import('supertest')).default;
  for (let index = 0; index < ENDPOINTS; index++) {
    await request(http())
      .post('/v1/webhooks/endpoints')
      .set('Authorization', `Bearer ${ADMIN}`)
      .send({ url: receiver.url, eventTypes: ['stance.changed'] })
      .expect(201);
  }

  // Ten changes per actor in one append (alternating stances, later each time), from 8 writers at once.
  const perActor = 10;
  const actors = Math.ceil(CHANGES / perActor);
  const appendActor = async (actor: number) => {
    const actorId = `bench-actor-${actor}`;
    const count = Math.min(perActor, CHANGES - actor * perActor);
    const recordedAt = new Date().toISOString();
    await store.append(
      `actor-${actorId}`,
      Array.from({ length: count }, (_, change) =>
        stanceChange(actorId, change, `a-${actor}-${change}`, recordedAt),
      ),
      { expectedRevision: 'no-stream', recordedAt: new Date(recordedAt) },
    );
  };
  firstAppend = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < actors) await appendActor(next++);
    }),
  );
  const appendedIn = Date.now() - firstAppend;
  const expected = CHANGES * ENDPOINTS;
  const deadline = Date.now() + 600_000;
  while (receiver.received.length < expected && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  const seconds = (lastArrival - firstAppend) / 1000;
  const burstLatencies = latencies.splice(0);

  // Paced: one change at a time at PACED_RATE, each alternating the stance of one of 100 actors.
  const pacedStart = Date.now();
  for (let change = 0; change < PACED_CHANGES; change++) {
    const due = pacedStart + (change * 1000) / PACED_RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const actorId = `bench-paced-${change % 100}`;
    const round_ = Math.floor(change / 100);
    const recordedAt = new Date().toISOString();
    await store.append(`actor-${actorId}`, [stanceChange(actorId, round_, `p-${change}`, recordedAt)], {
      expectedRevision: 'any',
      recordedAt: new Date(recordedAt),
    });
  }
  const pacedExpected = expected + PACED_CHANGES * ENDPOINTS;
  const pacedDeadline = Date.now() + 300_000;
  while (receiver.received.length < pacedExpected && Date.now() < pacedDeadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const result = {
    engine: overrides.EVENT_STORE,
    changes: CHANGES,
    endpoints: ENDPOINTS,
    deliveries: expected,
    deliveriesPerSec: Math.round(receiver.received.length / seconds),
    burstLatencyP50Ms: round(percentile(burstLatencies, 50), 1),
    burstLatencyP99Ms: round(percentile(burstLatencies, 99), 1),
    pacedChangesPerSec: PACED_RATE,
    pacedDeliveriesPerSec: PACED_RATE * ENDPOINTS,
    latencyP50Ms: round(percentile(latencies, 50), 1),
    latencyP99Ms: round(percentile(latencies, 99), 1),
    pacedDeliveries: `${receiver.received.length - expected}/${PACED_CHANGES * ENDPOINTS}`,
    appendSeconds: round(appendedIn / 1000, 1),
    totalSeconds: round(seconds, 1),
    concurrency: Number(overrides.WEBHOOKS_CONCURRENCY),
    date: new Date().toISOString(),
    notes: [
      'receiver, app and database share the 2-core machine',
      'latency = arrival at the receiver minus the notice’s record time',
      'burst: all changes appended as fast as 8 writers can; its latency is queueing behind 100,000 deliveries',
      'latencyP50Ms/latencyP99Ms: the paced phase, changes appended at pacedChangesPerSec (below capacity)',
    ],
  };
  const rows = [
    ['deliveries/s (burst)', result.deliveriesPerSec, '>= 1000', result.deliveriesPerSec >= 1000],
    ['burst latency p50 (ms)', result.burstLatencyP50Ms, '', ''],
    ['burst latency p99 (ms)', result.burstLatencyP99Ms, '', ''],
    [`latency p50 (ms) @ ${result.pacedDeliveriesPerSec}/s`, result.latencyP50Ms, '', ''],
    [
      `latency p99 (ms) @ ${result.pacedDeliveriesPerSec}/s`,
      result.latencyP99Ms,
      '<= 1000',
      result.latencyP99Ms <= 1000,
    ],
    ['deliveries (burst)', `${expected}/${expected}`, '', true],
    ['deliveries (paced)', result.pacedDeliveries, '', receiver.received.length === pacedExpected],
  ];
  console.log(`\nwebhooks (${result.engine}): ${CHANGES} stance changes x ${ENDPOINTS} endpoints`);
  for (const [name, value, target, met] of rows)
    console.log(
      `  ${String(name).padEnd(30)} ${String(value).padStart(12)}  ${String(target).padEnd(8)} ${met === '' ? '' : met ? 'met' : 'MISSED'}`,
    );
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'webhooks.json'), `${JSON.stringify(result, null, 2)}\n`);
  const sql = app.get((await import('../src/infrastructure/database/sql-client')).SqlClient);
  if (env.BENCH_WEBHOOK_DIAGNOSE) {
    console.log(
      await sql.query(`SELECT count(*) AS attempts, avg(latency_ms)::int AS avg_latency_ms, max(latency_ms) AS max_latency_ms,
      extract(epoch FROM max(attempted_at) - min(attempted_at))::numeric(10,2) AS span_s FROM webhook_attempts`),
    );
    console.log(
      await sql.query(
        `SELECT min(created_at) AS first_enqueued, max(created_at) AS last_enqueued FROM webhook_deliveries`,
      ),
    );
  }
  await receiver.stop();
  await app.close();
  if (onServer) {
    const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
