import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SystemClock } from '../src/infrastructure/clock';
import { migrate } from '../src/infrastructure/database/migrator';
import { PgSqlClient } from '../src/infrastructure/database/pg-sql-client';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres-event-store';
import { startBenchApp } from './app';
import { generateActor, planFor, streamWrites, topicWrites } from './generate';
import { elapsedMs, envInt, formatNumber, percentile, printTable, quietMachine, round } from './stats';

const env = process.env;

const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RESULTS_FILE = join(__dirname, 'results', 'postgres.json');
const HISTORY = envInt('BENCH_WRITES_HISTORY', 10_000);
const WRITES = envInt('BENCH_WRITES', 500);
const WARM_UP = 50;
const UNCACHED_WRITES = envInt('BENCH_WRITES_UNCACHED', 20);
const ADMIN_KEY = `bench-admin-${randomBytes(8).toString('hex')}`;
const TOPICS = 30;

const log = (message: string) => console.log(`[writes ${new Date().toISOString().slice(11, 19)}] ${message}`);

const assertLoopback = (url: string): void => {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host))
    throw new Error(`BENCH_DATABASE_URL must point at 127.0.0.1 (got host "${host}")`);
};

const reachable = async (): Promise<boolean> => {
  const client = new Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

type Running = { app: NestFastifyApplication; url: string };

const startApp = async (schema: string, overrides: Record<string, string>): Promise<Running> => {
  const app = await startBenchApp({
    EVENT_STORE: 'postgres',
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    ADMIN_API_KEY: ADMIN_KEY,
    SEED_ON_START: 'false',
    STANCE_INDEX_ENABLED: 'false',
    WEBHOOKS_DELIVERY_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
};

/** Writes need their topic in the catalogue, which the app's projection fills from the log. */
const waitForTopics = async (url: string): Promise<void> => {
  const deadline = Date.now() + 120_000;
  const last = `bench.topic-${String(TOPICS).padStart(2, '0')}`;
  while ((await fetch(`${url}/v1/topics/${last}`)).status !== 200) {
    if (Date.now() > deadline) throw new Error('the topic catalogue did not catch up in 120 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

let written = 0;
/** One write as a client sees it: POST a new position, answered 201; milliseconds from send to the whole answer. */
const recordPosition = async (url: string, actorId: string): Promise<number> => {
  written += 1;
  const day = `2025-0${1 + (written % 9)}-1${written % 10}`;
  const body = {
    topicId: `bench.topic-${String(1 + (written % TOPICS)).padStart(2, '0')}`,
    stance: written % 2 === 0 ? 'support' : 'oppose',
    summary: `Bench write ${written}`,
    quote: `We will back it, write ${written}.`,
    evidenceType: 'direct-quote',
    statedAt: day,
    confidence: 0.8,
    sources: [
      { outlet: 'Bench Wire', articleId: `bench-write-${written}`, publishedOn: day, text: 'as reported' },
    ],
  };
  const start = process.hrtime.bigint();
  const response = await fetch(`${url}/v1/actors/${actorId}/positions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const ms = elapsedMs(start);
  if (response.status !== 201) throw new Error(`write answered ${response.status}: ${text}`);
  return ms;
};

const main = async (): Promise<void> => {
  Logger.overrideLogger(['error', 'warn']);
  const engines = (env.BENCH_ENGINES ?? 'postgres').split(',').map((name) => name.trim());
  if (!engines.includes('postgres')) return log('skipped: BENCH_ENGINES has no postgres');
  assertLoopback(DATABASE_URL);
  if (!(await reachable())) return log('skipped: no PostgreSQL server (set BENCH_DATABASE_URL)');

  const schema = `bench_writes_${randomBytes(5).toString('hex')}`;
  const sql = new PgSqlClient(DATABASE_URL, schema, 4);
  const running: Running[] = [];
  try {
    await migrate(sql, schema);
    const store = new PostgresEventStore(sql, new SystemClock());
    // One actor whose stream holds HISTORY position events (and its registration), as the generator writes them.
    const plan = planFor(HISTORY + TOPICS + 1, 1, TOPICS, 42);
    for (const write of topicWrites(plan)) {
      await store.append(write.streamName, write.events, {
        expectedRevision: 'no-stream',
        recordedAt: write.recordedAt,
      });
    }
    const long = generateActor(plan, 0);
    let revision = 'no-stream';
    for (const write of streamWrites(long, 500)) {
      revision = (
        await store.append(write.streamName, write.events, {
          expectedRevision: revision,
          recordedAt: write.recordedAt,
        })
      ).nextRevision;
    }
    log(`${schema}: ${formatNumber(long.events.length)} events in ${long.actorId}'s stream`);

    // The catalogue (topics, actors) is a projection of the log: built once, by an app that projects.
    const catalogue = await startApp(schema, { PROJECTIONS_ENABLED: 'true' });
    running.push(catalogue);
    await waitForTopics(catalogue.url);
    const fresh = `bench-fresh-${randomBytes(3).toString('hex')}`;
    const registered = await fetch(`${catalogue.url}/v1/actors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ id: fresh, name: 'Fresh actor', kind: 'person' }),
    });
    if (registered.status !== 201) throw new Error(`registering ${fresh} answered ${registered.status}`);
    await catalogue.app.close();
    running.pop();

    /** Warm-up, then `WRITES` writes per actor, alternating, so both meet the same moments of a noisy machine. */
    const measure = async (url: string) => {
      for (let i = 0; i < WARM_UP; i++) {
        await recordPosition(url, long.actorId);
        await recordPosition(url, fresh);
      }
      const quietWaitMs = await quietMachine();
      const long_: number[] = [];
      const fresh_: number[] = [];
      for (let i = 0; i < WRITES; i++) {
        long_.push(await recordPosition(url, long.actorId));
        fresh_.push(await recordPosition(url, fresh));
      }
      return { long: long_, fresh: fresh_, quietWaitMs };
    };

    // The write path alone, as an API instance runs it (PROJECTIONS_ENABLED=false). Its first write to the long
    // actor folds the whole stream (no snapshot yet) and stores a snapshot.
    const api = await startApp(schema, { PROJECTIONS_ENABLED: 'false' });
    running.push(api);
    const coldFromScratch = await recordPosition(api.url, long.actorId);
    const samples = await measure(api.url);
    await api.app.close();
    running.pop();

    // One process that also projects, as a single-instance deployment runs. A new process: its first write to the
    // long actor starts from the stored snapshot.
    const whole = await startApp(schema, { PROJECTIONS_ENABLED: 'true' });
    running.push(whole);
    const coldFromSnapshot = await recordPosition(whole.url, long.actorId);
    const projecting = await measure(whole.url);
    await whole.app.close();
    running.pop();

    // The same writes with no state kept and no snapshots: every write folds the whole stream, as before.
    const uncached = await startApp(schema, {
      PROJECTIONS_ENABLED: 'false',
      WRITE_STATE_CACHE_EVENTS: '0',
      SNAPSHOT_AFTER_EVENTS: '0',
    });
    running.push(uncached);
    const foldEvery: number[] = [];
    for (let i = 0; i < UNCACHED_WRITES; i++)
      foldEvery.push(await recordPosition(uncached.url, long.actorId));
    await uncached.app.close();
    running.pop();

    const figures = {
      writeP50MsFreshActor: round(percentile(samples.fresh, 50), 2),
      writeP99MsFreshActor: round(percentile(samples.fresh, 99), 2),
      writeP50MsLongHistory: round(percentile(samples.long, 50), 2),
      writeP99MsLongHistory: round(percentile(samples.long, 99), 2),
    };
    const ratio = (a: number, b: number) => round(a / b, 2);
    const withProjections = {
      p50Fresh: round(percentile(projecting.fresh, 50), 2),
      p99Fresh: round(percentile(projecting.fresh, 99), 2),
      p50Long: round(percentile(projecting.long, 50), 2),
      p99Long: round(percentile(projecting.long, 99), 2),
    };
    const details = {
      writesHistoryEvents: long.events.length,
      writesPerActor: WRITES,
      writesP50Ratio: ratio(figures.writeP50MsLongHistory, figures.writeP50MsFreshActor),
      writesP99Ratio: ratio(figures.writeP99MsLongHistory, figures.writeP99MsFreshActor),
      writesWithProjectionsP50MsFreshActor: withProjections.p50Fresh,
      writesWithProjectionsP99MsFreshActor: withProjections.p99Fresh,
      writesWithProjectionsP50MsLongHistory: withProjections.p50Long,
      writesWithProjectionsP99MsLongHistory: withProjections.p99Long,
      writesWithProjectionsP50Ratio: ratio(withProjections.p50Long, withProjections.p50Fresh),
      writesWithProjectionsP99Ratio: ratio(withProjections.p99Long, withProjections.p99Fresh),
      writesColdFromScratchMs: round(coldFromScratch, 1),
      writesColdFromSnapshotMs: round(coldFromSnapshot, 1),
      writesFoldEveryWriteP50Ms: round(percentile(foldEvery, 50), 1),
      writesQuietWaitMs: samples.quietWaitMs,
    };
    const row = (metric: string, value: number, against?: number) => ({
      metric,
      value: String(value),
      target: against === undefined ? '' : `<= 1.5x fresh (${ratio(value, against)}x)`,
      met: against === undefined ? '' : ratio(value, against) <= 1.5 ? 'yes' : 'no',
    });
    printTable(
      `Writes bench: PostgreSQL server, one writer, an actor with ${formatNumber(long.events.length)} events vs a fresh one`,
      [
        row('write p50, fresh actor (ms)', figures.writeP50MsFreshActor),
        row('write p99, fresh actor (ms)', figures.writeP99MsFreshActor),
        row('write p50, long history (ms)', figures.writeP50MsLongHistory, figures.writeP50MsFreshActor),
        row('write p99, long history (ms)', figures.writeP99MsLongHistory, figures.writeP99MsFreshActor),
        row('with projections in process: p50 fresh (ms)', withProjections.p50Fresh),
        row('with projections in process: p99 fresh (ms)', withProjections.p99Fresh),
        row('with projections in process: p50 long (ms)', withProjections.p50Long, withProjections.p50Fresh),
        row('with projections in process: p99 long (ms)', withProjections.p99Long, withProjections.p99Fresh),
        row('diag: first write, no snapshot (ms)', details.writesColdFromScratchMs),
        row('diag: first write, from snapshot (ms)', details.writesColdFromSnapshotMs),
        row('diag: write folding the stream every time, p50 (ms)', details.writesFoldEveryWriteP50Ms),
      ],
      [
        `${WRITES} writes per actor after ${WARM_UP} uncounted, alternating actors, over HTTP (POST .../positions, fetch, keep-alive)`,
        'headline: PROJECTIONS_ENABLED=false (an API instance); then one process that also projects',
        `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`,
      ],
    );

    // Beside the main bench's figures: its run writes the file whole, this one adds its keys.
    const previous = existsSync(RESULTS_FILE)
      ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>)
      : { engine: 'postgres' };
    const merged = {
      ...previous,
      ...figures,
      details: { ...((previous.details as object) ?? {}), ...details },
      writesDate: new Date().toISOString(),
    };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
  } finally {
    for (const { app } of running) await app.close().catch(() => undefined);
    if (env.BENCH_KEEP_SCHEMA !== '1') await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.close();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
