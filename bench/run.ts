import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { actorStreamName, stanceAsOf } from '@domain/positions';
import { stanceJson } from '../src/positions/shared/stance-json';
import { SystemClock } from '../src/infrastructure/clock';
import { migrate } from '../src/infrastructure/database/migrator';
import { PgSqlClient } from '../src/infrastructure/database/pg-sql-client';
import { PgliteSqlClient } from '../src/infrastructure/database/pglite-sql-client';
import { SqlClient } from '../src/infrastructure/database/sql-client';
import { EventStore } from '../src/infrastructure/event-store/event-store.port';
import { EVENT_UPCASTERS } from '../src/infrastructure/event-store/event-upcasters';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres-event-store';
import { ProjectionRunner } from '../src/infrastructure/read-models/projection-runner';
import { StanceAsOfJsonQuery } from '../src/positions/stance-as-of/stance-as-of-json.query';
import { StanceAsOfQuery } from '../src/positions/stance-as-of/stance-as-of.query';
import { StanceAsOfSql } from '../src/positions/stance-as-of/stance-as-of.sql';
import {
  compactAfterLoad,
  type IndexCursor,
  indexFromImage,
  LiveStanceIndex,
  loadStanceIndex,
} from '../src/positions/stance-index/live-stance-index';
import { StanceIndex } from '../src/positions/stance-index/stance-index';
import {
  stanceIndexImageFormat,
  StanceIndexSnapshots,
} from '../src/positions/stance-index/stance-index-snapshots';
import {
  actorIdOf,
  type BenchPlan,
  generateActor,
  HISTORY_END,
  HISTORY_START,
  planFor,
  seededRandom,
  streamWrites,
  topicWrites,
  validateWithDecider,
} from './generate';
import { startBenchApp } from './app';
import { measureServerFloor } from './floor';
import { freePort, ROOT, SERVICE_NODE_FLAGS, START_ARGS, startCommand } from './service';
import type { LoadRequest, LoadResult } from './http-load';
import {
  elapsedMs,
  envInt,
  formatNumber,
  percentile,
  printTable,
  quietMachine,
  round,
  type Row,
  RssSampler,
} from './stats';

type Engine = 'postgres' | 'pglite';

const env = process.env;

const HTTP_WARM_UP_SECONDS = 5;

const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RESULTS_DIR = join(__dirname, 'results');
const DAY = 86_400_000;

const settings = (engine: Engine) => ({
  events:
    engine === 'pglite'
      ? envInt('BENCH_PGLITE_EVENTS', Math.min(200_000, envInt('BENCH_EVENTS', 1_000_000)))
      : envInt('BENCH_EVENTS', 1_000_000),
  actors: envInt('BENCH_ACTORS', 10_000),
  topics: envInt('BENCH_TOPICS', 30),
  seed: envInt('BENCH_SEED', 42),
  appendBatch: envInt('BENCH_APPEND_BATCH', 100),
  writers: engine === 'pglite' ? 1 : envInt('BENCH_WRITERS', 8),
  projectionBatch: envInt('BENCH_PROJECTION_BATCH', 5000),
  queries: envInt('BENCH_QUERIES', 5000),
  naiveQueries: envInt('BENCH_NAIVE_QUERIES', 1000),
  httpSeconds: envInt('BENCH_HTTP_SECONDS', 10),
  httpConnections: envInt('BENCH_HTTP_CONNECTIONS', 50),
  // PGlite is embedded in one process: one HTTP process. On the server, `npm start`'s command with
  // HTTP_WORKERS=BENCH_HTTP_WORKERS (1: on 2 cores the load generator takes the other; give the API the cores it has).
  httpWorkers: engine === 'pglite' ? 1 : envInt('BENCH_HTTP_WORKERS', 1),
  catchUpTimeoutSeconds: envInt('BENCH_CATCHUP_TIMEOUT_S', 1800),
  diagnostics: env.BENCH_DIAGNOSTICS !== '0',
});

export type BenchResult = {
  appendEventsPerSec: number;
  catchUpEventsPerSec: number;
  /** Server only: catch-up / what the server alone stores the same rows at (bench/floor.ts). */
  catchUpFloorShare?: number;
  /** The stance index (src/positions/stance-index): heap and off-heap bytes per million position events, and loading. */
  stanceIndexMbPerMillionEvents: number;
  stanceIndexLoadEventsPerSec: number;
  asOfP50Ms: number;
  asOfP99Ms: number;
  httpReqPerSec: number;
  httpP50Ms: number;
  httpP99Ms: number;
  naiveAsOfP99Ms: number;
  peakRssMb: number;
  events: number;
  engine: Engine;
  date: string;
  machine: string;
  notes: string[];
  details: Record<string, number | string | boolean | Record<string, number>>;
};

const log = (engine: Engine, message: string) =>
  console.log(`[${engine} ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** The bench only ever talks to this machine. */
const assertLoopback = (url: string): void => {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error(`BENCH_DATABASE_URL must point at 127.0.0.1 (got host "${host}")`);
  }
};

const reachable = async (url: string): Promise<boolean> => {
  assertLoopback(url);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

type Query = { actorId: string; at: Date; knownAt: Date };

/** Random actor; `at` anywhere in the history; `knownAt` between `at` and a month after the last record. */
const queriesFor = (plan: BenchPlan, count: number, seed: number): Query[] => {
  const random = seededRandom(seed);
  const span = HISTORY_END - HISTORY_START;
  return Array.from({ length: count }, () => {
    const at = HISTORY_START + Math.floor(random() * span);
    const knownAt = at + Math.floor(random() * (HISTORY_END + 30 * DAY - at));
    return {
      actorId: actorIdOf(Math.floor(random() * plan.actors)),
      at: new Date(at),
      knownAt: new Date(knownAt),
    };
  });
};

const ratePerSec = (count: number, ms: number): number => Math.round((count / ms) * 1000);

const runLoad = (request: LoadRequest): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'http-load.ts'), [], {
      execArgv: ['-r', require.resolve('ts-node/register/transpile-only')],
      env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
    });
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL');
        reject(new Error('autocannon did not finish in time'));
      },
      (request.warmUpSeconds + request.durationSeconds + 60) * 1000,
    );
    child.once('message', (message: LoadResult | { error: string }) => {
      clearTimeout(timer);
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`autocannon exited with ${code}`));
    });
    child.send(request);
  });

/**
 * The app as `npm start` runs it (the built dist/src/main, with its node flags) with HTTP_WORKERS processes, on the
 * bench's schema; it only serves (the bench's own app holds the projections, caught up). Resolves once `probe` answers 200.
 */
const startServer = async (
  overrides: Record<string, string>,
  workers: number,
  probe: string,
): Promise<{ port: number; stop: () => Promise<void> }> => {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, startCommand(), {
    cwd: ROOT,
    env: {
      ...env,
      ...overrides,
      PROJECTIONS_ENABLED: 'false',
      HTTP_WORKERS: String(workers),
      PORT: String(port),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  cleanups.unshift(stop);
  const deadline = Date.now() + 120_000;
  for (let ready = 0; ready < workers * 4;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer on :${port} in 120 s`);
    // Several answers in a row, so that every worker has most likely started.
    const ok = await fetch(`http://127.0.0.1:${port}${probe}`).then(
      async (response) => (await response.arrayBuffer(), response.status === 200),
      () => false,
    );
    ready = ok ? ready + 1 : 0;
    if (!ok) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Every worker serves stances from its own index once it has loaded the log: measure them loaded.
  for (let ready = 0; ready < workers * 4;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (Date.now() > deadline + 600_000) throw new Error(`the stance index did not load on :${port}`);
    const health = (await fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.json(),
      () => null,
    )) as { inMemory?: { name: string; state: string }[] } | null;
    const index = health?.inMemory?.find((model) => model.name === 'stance-index');
    ready = index?.state === 'ready' || index?.state === 'disabled' ? ready + 1 : 0;
    if (ready === 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { port, stop };
};

/**
 * A full collection before each latency phase (the bench child runs with --expose-gc), so that no phase pays for
 * the garbage the one before left (catch-up leaves plenty).
 */
const collectGarbage = async (): Promise<void> => {
  (globalThis as { gc?: () => void }).gc?.();
  // The collector's concurrent sweeping goes on after gc() returns: let it finish before measuring.
  await new Promise((resolve) => setTimeout(resolve, 1000));
};

/**
 * A second StanceIndex loaded from the whole log as the service loads its own (loadStanceIndex: readAllOf's position
 * events in pages of 5,000, the next one asked for while this one is applied), from a collected heap: the heap and
 * array-buffer bytes it holds after a collection, per million position events, and the events per second of the
 * load (reading the log included).
 */
const measureStanceIndex = async (
  store: EventStore,
): Promise<{ mbPerMillionEvents: number; loadEventsPerSec: number; positionEvents: number }> => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the bench child runs with --expose-gc');
  const held = (): number => {
    gc();
    gc();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const before = held();
  const start = process.hrtime.bigint();
  const index = new StanceIndex();
  let positionEvents = 0;
  await loadStanceIndex(store, index, { after: null, appliedInPage: 0 }, (page) => {
    positionEvents += page.events.length;
  });
  index.compact();
  const loadMs = elapsedMs(start);
  const bytes = held() - before;
  if (index.versions !== positionEvents)
    throw new Error(`stance index: ${index.versions} versions, ${positionEvents} events`);
  return {
    mbPerMillionEvents: Math.round(bytes / 1e6 / (positionEvents / 1e6)),
    loadEventsPerSec: ratePerSec(positionEvents, loadMs),
    positionEvents,
  };
};

/**
 * The load a process does at boot when an image is stored (indexFromImage, then loadStanceIndex after its position,
 * then compactAfterLoad, as LiveStanceIndex does), in the worst case the service leaves: an image of the index
 * after 80% of the position events, since an image is stored once a quarter of the versions held have come since the
 * last (so at most a fifth of them follow it). The image is made from an index loaded that far and stored first
 * (timed too). Events per second count every position event the index ends up holding, per second of the load.
 */
const measureStanceIndexImage = async (
  store: EventStore,
  sql: SqlClient,
  positionEvents: number,
): Promise<{ imageMb: number; storeMs: number; imageReadMs: number; loadEventsPerSec: number }> => {
  const snapshots = new StanceIndexSnapshots(sql);
  const format = stanceIndexImageFormat(store.engine, EVENT_UPCASTERS);
  const cursor: IndexCursor = { after: null, appliedInPage: 0 };
  let partial: StanceIndex | null = new StanceIndex();
  let read = 0;
  await loadStanceIndex(
    store,
    partial,
    cursor,
    (page) => {
      read += page.events.length;
    },
    () => read >= positionEvents * 0.8,
  );
  partial.compact();
  const storeStart = process.hrtime.bigint();
  const image = partial.image();
  const versions = partial.versions;
  partial = null;
  if (!(await snapshots.write(format, { position: cursor.after as string, versions, image })))
    throw new Error('stance index image not stored');
  const storeMs = elapsedMs(storeStart);
  await collectGarbage();
  const start = process.hrtime.bigint();
  const loaded = await indexFromImage(store, snapshots, format);
  if (loaded === null) throw new Error('stance index image not found');
  const imageReadMs = elapsedMs(start);
  await loadStanceIndex(store, loaded.index, { after: loaded.position, appliedInPage: 0 }, () => undefined);
  compactAfterLoad(loaded.index, versions);
  const loadMs = elapsedMs(start);
  if (loaded.index.versions !== positionEvents)
    throw new Error(
      `stance index from an image: ${loaded.index.versions} versions, ${positionEvents} events`,
    );
  return {
    imageMb: round(image.byteLength / 1e6, 1),
    storeMs: Math.round(storeMs),
    imageReadMs: Math.round(imageReadMs),
    loadEventsPerSec: ratePerSec(positionEvents, loadMs),
  };
};

/** Waits until the app's stance index has loaded the log (it loads alongside the projections' catch-up). */
const waitForIndex = async (
  index: LiveStanceIndex,
  appStart: bigint,
  timeoutSeconds: number,
): Promise<{ state: string; readySeconds: number; versions: number }> => {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const status = await index.status();
    if (status.state !== 'loading')
      return {
        state: status.state,
        readySeconds: round(Number(status.loadMs ?? elapsedMs(appStart)) / 1000, 1),
        versions: Number(status.versions ?? 0),
      };
    if (Date.now() > deadline) throw new Error(`the stance index did not load in ${timeoutSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Run in order on the way out, also when the parent stops a run that overstayed its time. */
const cleanups: (() => Promise<void>)[] = [];

const runEngine = async (engine: Engine): Promise<BenchResult> => {
  const config = settings(engine);
  const rss = new RssSampler();
  const notes: string[] = [];
  const details: BenchResult['details'] = {};
  const schema = engine === 'postgres' ? `bench_${randomBytes(5).toString('hex')}` : 'public';
  let app: NestFastifyApplication | null = null;

  try {
    const sql: SqlClient =
      engine === 'postgres'
        ? new PgSqlClient(DATABASE_URL, schema, config.writers + 2)
        : await PgliteSqlClient.open(undefined, schema);
    if (engine === 'postgres') {
      cleanups.push(async () => {
        if (env.BENCH_KEEP_SCHEMA === '1')
          log(engine, `schema ${schema} kept (BENCH_KEEP_SCHEMA=1): DROP SCHEMA ${schema} CASCADE when done`);
        else await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await sql.close();
      });
    }
    await migrate(sql, schema);
    const plan = planFor(config.events, config.actors, config.topics, config.seed);
    log(
      engine,
      `${formatNumber(plan.totalEvents)} events, ${formatNumber(plan.actors)} actors x ${plan.topics.length} topics` +
        (engine === 'postgres' ? `, schema ${schema}` : ', in memory'),
    );

    rss.mark('generate');
    let generated = 0;
    const generateStart = process.hrtime.bigint();
    for (let index = 0; index < plan.actors; index++) generated += generateActor(plan, index).events.length;
    const generateMs = elapsedMs(generateStart);
    generated += plan.topics.length;
    if (generated !== plan.totalEvents)
      throw new Error(`generated ${generated} events, planned ${plan.totalEvents}`);
    const validated = Math.min(plan.actors, 50);
    for (let index = 0; index < validated; index++)
      validateWithDecider(generateActor(plan, index), plan.topics);
    details.generateEventsPerSec = ratePerSec(generated, generateMs);
    log(
      engine,
      `generated ${formatNumber(generated)} events in ${(generateMs / 1000).toFixed(1)} s; ${validated} actors replayed through the decider, all accepted`,
    );

    rss.mark('append');
    const store = new PostgresEventStore(sql, new SystemClock());
    let appended = 0;
    let appendGenerateMs = 0;
    let nextActor = 0;
    const appendStart = process.hrtime.bigint();
    for (const write of topicWrites(plan)) {
      await store.append(write.streamName, write.events, {
        expectedRevision: 'no-stream',
        recordedAt: write.recordedAt,
      });
      appended += write.events.length;
    }
    const writer = async () => {
      for (let index = nextActor++; index < plan.actors; index = nextActor++) {
        const generating = process.hrtime.bigint();
        const writes = streamWrites(generateActor(plan, index), config.appendBatch);
        appendGenerateMs += elapsedMs(generating);
        let revision = 'no-stream';
        for (const write of writes) {
          const result = await store.append(write.streamName, write.events, {
            expectedRevision: revision,
            recordedAt: write.recordedAt,
          });
          revision = result.nextRevision;
          appended += write.events.length;
        }
        if (index % 1000 === 999) log(engine, `  appended ${formatNumber(appended)} events`);
      }
    };
    await Promise.all(Array.from({ length: config.writers }, writer));
    const appendMs = elapsedMs(appendStart);
    const appendEventsPerSec = ratePerSec(appended, appendMs);
    details.appendSeconds = round(appendMs / 1000, 1);
    details.appendGenerateSeconds = round(appendGenerateMs / 1000, 1);
    log(
      engine,
      `appended ${formatNumber(appended)} events in ${(appendMs / 1000).toFixed(1)} s: ${formatNumber(appendEventsPerSec)} events/s (${config.writers} writer(s), ${config.appendBatch} events per append; ${(appendGenerateMs / 1000).toFixed(1)} s of it generating events inline)`,
    );

    if (config.diagnostics) {
      rss.mark('read-all');
      const readStart = process.hrtime.bigint();
      let cursor: string | null = null;
      let read = 0;
      for (;;) {
        const page = await store.readAll(cursor, config.projectionBatch);
        if (page.events.length === 0) break;
        read += page.events.length;
        cursor = page.next;
      }
      const readMs = elapsedMs(readStart);
      details.readAllEventsPerSec = ratePerSec(read, readMs);
      log(
        engine,
        `diagnostic: readAll of the whole log alone (pages of ${config.projectionBatch}, no projection work): ${formatNumber(details.readAllEventsPerSec)} events/s`,
      );
    }

    rss.mark('catch-up');
    const overrides: Record<string, string> = {
      EVENT_STORE: engine,
      DATA_DIR: 'memory://',
      DATABASE_SCHEMA: schema,
      DATABASE_URL: engine === 'postgres' ? DATABASE_URL : '',
      SEED_ON_START: 'false',
      PROJECTIONS_ENABLED: 'true',
      PROJECTION_BATCH_SIZE: String(config.projectionBatch),
      READ_REQUIRES_KEY: 'false',
      LOG_LEVEL: 'warn',
      // The app's own index stores no image (one stored after its load would run beside the catch-up measured here):
      // the image is measured on its own below.
      STANCE_INDEX_SNAPSHOT_AFTER: '0',
    };
    const catchUpStart = process.hrtime.bigint();
    // PGlite in memory is one database in this process: the app must use the very one the events went into.
    app = await startBenchApp(overrides, engine === 'pglite' ? sql : undefined);
    const runner = app.get(ProjectionRunner);
    const projectionNames = runner.list().map((projection) => projection.name);
    const doneMs: Record<string, number> = {};
    const deadline = Date.now() + config.catchUpTimeoutSeconds * 1000;
    while (Object.keys(doneMs).length < projectionNames.length) {
      if (Date.now() > deadline)
        throw new Error(
          `projections not caught up after ${config.catchUpTimeoutSeconds} s: ${JSON.stringify(await runner.status())}`,
        );
      const rows = await sql.query<{ projection_name: string; events_processed: string }>(
        'SELECT projection_name, events_processed::text FROM projection_checkpoints',
      );
      for (const row of rows) {
        if (doneMs[row.projection_name] === undefined && Number(row.events_processed) >= appended)
          doneMs[row.projection_name] = elapsedMs(catchUpStart);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const catchUpMs = Math.max(...Object.values(doneMs));
    const lagging = (await runner.status()).filter((status) => status.lag !== 0);
    if (lagging.length > 0)
      throw new Error(`caught up by count but status() shows lag: ${JSON.stringify(lagging)}`);
    const catchUpEventsPerSec = ratePerSec(appended, catchUpMs);
    details.catchUpSeconds = round(catchUpMs / 1000, 1);
    details.catchUpByProjectionEventsPerSec = Object.fromEntries(
      Object.entries(doneMs).map(([name, ms]) => [name, ratePerSec(appended, ms)]),
    );
    log(
      engine,
      `caught up all ${projectionNames.length} projections (${projectionNames.join(', ')}) in ${(catchUpMs / 1000).toFixed(1)} s: ${formatNumber(catchUpEventsPerSec)} events/s; each: ${Object.entries(
        doneMs,
      )
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
        .join(', ')}`,
    );
    let catchUpFloorShare: number | undefined;
    if (engine === 'postgres') {
      // The same rows stored by the server alone: the ceiling of any catch-up on this server.
      const floor = await measureServerFloor(sql, appended);
      catchUpFloorShare = round(catchUpEventsPerSec / floor.eventsPerSec, 2);
      details.serverFloorEventsPerSec = Math.round(floor.eventsPerSec);
      log(
        engine,
        `server floor (the projections' rows inserted by the server alone, with their indexes): ${formatNumber(floor.eventsPerSec)} events/s; catch-up is ${Math.round(catchUpFloorShare * 100)}% of it (target >= 50%)`,
      );
    }
    if (engine === 'postgres') {
      // Reads are measured on a settled server: planner statistics fresh (autovacuum may be off or not yet run),
      // and the bulk load's dirty pages written back now rather than flushed under the read measurements.
      const tables = await sql.query<{ tablename: string }>(
        'SELECT tablename FROM pg_tables WHERE schemaname = $1',
        [schema],
      );
      await sql.exec(`ANALYZE ${tables.map(({ tablename }) => `${schema}.${tablename}`).join(', ')}`);
      const checkpointed = await sql.exec('CHECKPOINT').then(
        () => true,
        () => false,
      );
      notes.push(
        `ANALYZE${checkpointed ? ' and CHECKPOINT' : ''} after catch-up, before the read measurements`,
      );
    }

    rss.mark('as-of');
    const queryBus = app.get(QueryBus);
    const stanceIndex = app.get(LiveStanceIndex);
    const indexStatus = await waitForIndex(stanceIndex, catchUpStart, config.catchUpTimeoutSeconds);
    details.stanceIndexState = indexStatus.state;
    details.stanceIndexReadySeconds = indexStatus.readySeconds;
    details.stanceIndexVersions = indexStatus.versions;
    const indexFigures = await measureStanceIndex(app.get(EventStore));
    log(
      engine,
      `stance index alone: ${indexFigures.mbPerMillionEvents} MB per million position events (target <= 300), loads ${formatNumber(indexFigures.loadEventsPerSec)} events/s from the whole log`,
    );
    const imageFigures = await measureStanceIndexImage(app.get(EventStore), sql, indexFigures.positionEvents);
    details.stanceIndexLogLoadEventsPerSec = indexFigures.loadEventsPerSec;
    details.stanceIndexImageMb = imageFigures.imageMb;
    details.stanceIndexImageStoreMs = imageFigures.storeMs;
    details.stanceIndexImageReadMs = imageFigures.imageReadMs;
    log(
      engine,
      `stance index at boot from a stored image of 80% of the log (${imageFigures.imageMb} MB, stored in ${imageFigures.storeMs} ms, read and loaded in ${imageFigures.imageReadMs} ms) and the log after it: ${formatNumber(imageFigures.loadEventsPerSec)} events/s (target >= 100,000)`,
    );
    log(
      engine,
      `stance index: ${indexStatus.state}, ${formatNumber(indexStatus.versions)} versions, loaded in ${indexStatus.readySeconds} s (alongside the catch-up)`,
    );
    const queries = queriesFor(plan, config.queries + 200, config.seed + 1);
    /** One query at a time, 200 warm-up queries not counted, from a collected heap. */
    const timed = async (ask: (query: Query) => Promise<unknown>): Promise<number[]> => {
      for (const query of queries.slice(0, 200)) await ask(query);
      await collectGarbage();
      const samples: number[] = [];
      for (const query of queries.slice(200)) {
        const start = process.hrtime.bigint();
        await ask(query);
        samples.push(elapsedMs(start));
      }
      return samples;
    };
    // The answer the HTTP routes serve: the stances as JSON, which the index keeps ready.
    const asOfSamples = await timed((query) =>
      queryBus.execute(new StanceAsOfJsonQuery(query.actorId, query.at, query.knownAt)),
    );
    const asOfP50Ms = round(percentile(asOfSamples, 50), 3);
    const asOfP99Ms = round(percentile(asOfSamples, 99), 3);
    let answered = 0;
    for (const query of queries.slice(200))
      answered += (await queryBus.execute(new StanceAsOfJsonQuery(query.actorId, query.at, query.knownAt)))
        .length;
    details.asOfMeanStances = round(answered / asOfSamples.length, 1);
    log(
      engine,
      `stance as of, in process (QueryBus -> StanceAsOfJsonHandler, the answer as the HTTP routes serve it, from the stance index), ${asOfSamples.length} queries: p50 ${asOfP50Ms} ms, p99 ${asOfP99Ms} ms, ${details.asOfMeanStances} stances per answer on average`,
    );
    const objectSamples = await timed((query) =>
      queryBus.execute(new StanceAsOfQuery(query.actorId, query.at, query.knownAt)),
    );
    details.asOfObjectsP50Ms = round(percentile(objectSamples, 50), 3);
    details.asOfObjectsP99Ms = round(percentile(objectSamples, 99), 3);
    log(
      engine,
      `diagnostic: the same as objects (QueryBus -> StanceAsOfHandler: the JSON parsed back, for in-process callers): p50 ${details.asOfObjectsP50Ms} ms, p99 ${details.asOfObjectsP99Ms} ms`,
    );
    const sqlReader = app.get(StanceAsOfSql);
    const sqlSamples = await timed((query) => sqlReader.stancesOf(query.actorId, query));
    details.asOfSqlP50Ms = round(percentile(sqlSamples, 50), 3);
    details.asOfSqlP99Ms = round(percentile(sqlSamples, 99), 3);
    log(
      engine,
      `diagnostic: the same in SQL (StanceAsOfSql over stance_timeline: what answers while the index loads, or with STANCE_INDEX_ENABLED=false): p50 ${details.asOfSqlP50Ms} ms, p99 ${details.asOfSqlP99Ms} ms`,
    );

    rss.mark('naive');
    const appStore = app.get(EventStore);
    const naiveQueries = queriesFor(plan, config.naiveQueries + 20, config.seed + 2);
    // The same answer as the JSON query, folded from the actor's stream each time.
    const naive = async (query: Query) => {
      const folded = stanceAsOf(await appStore.readStream(actorStreamName(query.actorId)), query);
      return { folded, json: folded.map((stance) => Buffer.from(stanceJson(stance))) };
    };
    for (const query of naiveQueries.slice(0, 20)) await naive(query);
    await collectGarbage();
    const naiveSamples: number[] = [];
    let mismatches = 0;
    for (const query of naiveQueries.slice(20)) {
      const start = process.hrtime.bigint();
      const { folded, json } = await naive(query);
      naiveSamples.push(elapsedMs(start));
      const served = await queryBus.execute(new StanceAsOfJsonQuery(query.actorId, query.at, query.knownAt));
      const asObjects = await queryBus.execute(new StanceAsOfQuery(query.actorId, query.at, query.knownAt));
      const fromTable = await sqlReader.stancesOf(query.actorId, query);
      const parsed = (answer: Uint8Array[]) =>
        answer.map((bytes) => JSON.parse(Buffer.from(bytes).toString()) as unknown);
      const sameJson = isDeepStrictEqual(parsed(served), parsed(json));
      if (!sameJson || !isDeepStrictEqual(folded, asObjects) || !isDeepStrictEqual(folded, fromTable))
        mismatches += 1;
    }
    const naiveAsOfP99Ms = round(percentile(naiveSamples, 99), 3);
    details.naiveAsOfP50Ms = round(percentile(naiveSamples, 50), 3);
    details.naiveSpeedupP99 = round(naiveAsOfP99Ms / asOfP99Ms, 1);
    details.naiveSpeedupP99Objects = round(naiveAsOfP99Ms / Number(details.asOfObjectsP99Ms), 1);
    details.naiveMismatches = mismatches;
    log(
      engine,
      `naive fold (readStream + stanceAsOf + the same JSON), ${naiveSamples.length} queries: p50 ${details.naiveAsOfP50Ms} ms, p99 ${naiveAsOfP99Ms} ms; index JSON, index objects and SQL equal to the fold: ${naiveSamples.length - mismatches}/${naiveSamples.length}`,
    );
    if (mismatches > 0)
      notes.push(`${mismatches} of ${naiveSamples.length} index or SQL answers differ from the pure fold`);

    if (config.diagnostics) {
      rss.mark('rebuild');
      const rebuildStart = process.hrtime.bigint();
      const rebuilt = await runner.rebuild('stance-timeline');
      const rebuildMs = elapsedMs(rebuildStart);
      details.stanceTimelineRebuildEventsPerSec = ratePerSec(rebuilt.events, rebuildMs);
      log(
        engine,
        `diagnostic: rebuild of stance-timeline alone (readAll + projector, no other projection running): ${formatNumber(details.stanceTimelineRebuildEventsPerSec)} events/s`,
      );
    }

    rss.mark('http');
    const paths = queriesFor(plan, 5000, config.seed + 3).map(
      (query) =>
        `/v1/actors/${query.actorId}/stances?at=${query.at.toISOString()}&knownAt=${query.knownAt.toISOString()}`,
    );
    let port: number;
    let stopServer: () => Promise<void> = async () => undefined;
    // On the server the processes measured are the service as `npm start` runs it (dist/src/main): this process's
    // app (idle, but holding an index and polling) goes. PGlite lives in this process: its app is measured.
    const ownServer = engine === 'postgres';
    if (ownServer) {
      await app.close();
      app = null;
      const server = await startServer(overrides, config.httpWorkers, paths[0]);
      port = server.port;
      stopServer = server.stop;
    } else {
      await app.listen(0, '127.0.0.1');
      port = (app.getHttpServer().address() as AddressInfo).port;
    }
    const probe = await fetch(`http://127.0.0.1:${port}${paths[0]}`);
    if (probe.status !== 200)
      throw new Error(`GET ${paths[0]} answered ${probe.status}: ${await probe.text()}`);
    await probe.arrayBuffer().catch(() => undefined);
    log(
      engine,
      `HTTP: autocannon (own process), ${config.httpConnections} connections, ${config.httpSeconds} s, GET /v1/actors/:actorId/stances?at=&knownAt= over ${paths.length} random actors/times, against ${ownServer ? `npm start's command with HTTP_WORKERS=${config.httpWorkers}` : 'the bench process (one HTTP process)'}`,
    );
    details.httpQuietWaitMs = await quietMachine();
    // After a warm-up, not counted (in the same load process): the service's JIT, the collection of what loading its
    // index left behind, and autocannon's own JIT.
    const load = await runLoad({
      url: `http://127.0.0.1:${port}`,
      paths,
      connections: config.httpConnections,
      durationSeconds: config.httpSeconds,
      warmUpSeconds: HTTP_WARM_UP_SECONDS,
    });
    await stopServer();
    details.httpNon2xx = load.non2xx;
    details.httpErrors = load.errors + load.timeouts;
    details.httpRequests = load.total;
    log(
      engine,
      `HTTP: ${formatNumber(load.requestsPerSec)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms (${formatNumber(load.total)} requests, ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts)`,
    );
    if (load.non2xx + load.errors + load.timeouts > 0)
      notes.push(`HTTP: ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts`);

    rss.mark('end');
    details.phasePeakRssMb = { ...rss.phasePeaks };
    details.phaseBenchProcessCpuPercent = { ...rss.phaseCpuPercent };
    details.phaseMachineCpuPercent = { ...rss.phaseMachineCpuPercent };
    details.phaseMachineIowaitPercent = { ...rss.phaseMachineIowaitPercent };
    details.phaseLoadAvgAtStart = { ...rss.phaseLoadAvgAtStart };
    const peakRssMb = rss.peakMb();
    if (engine === 'postgres')
      notes.push(
        'peak RSS is the bench process (app, pool, projections); the PostgreSQL server is not included',
      );
    else notes.push('peak RSS includes PGlite (WASM Postgres in this process, in-memory database)');
    if (engine === 'postgres')
      notes.push(
        `HTTP measured against the service as npm start runs it (${START_ARGS.join(' ')}) with HTTP_WORKERS=${config.httpWorkers} (processes of their own, not in peak RSS or the bench process CPU)`,
      );
    notes.push(
      `catch-up = time from app start until all ${projectionNames.length} projections (${projectionNames.join(', ')}), running together, have handled every event; per-projection figures in details`,
    );
    return {
      appendEventsPerSec,
      catchUpEventsPerSec,
      ...(catchUpFloorShare === undefined ? {} : { catchUpFloorShare }),
      stanceIndexMbPerMillionEvents: indexFigures.mbPerMillionEvents,
      stanceIndexLoadEventsPerSec: imageFigures.loadEventsPerSec,
      asOfP50Ms,
      asOfP99Ms,
      httpReqPerSec: Math.round(load.requestsPerSec),
      httpP50Ms: load.p50Ms,
      httpP99Ms: load.p99Ms,
      naiveAsOfP99Ms,
      peakRssMb,
      events: appended,
      engine,
      date: new Date().toISOString(),
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`,
      notes,
      details: {
        actors: plan.actors,
        topics: plan.topics.length,
        writers: config.writers,
        appendBatch: config.appendBatch,
        projectionBatch: config.projectionBatch,
        queries: asOfSamples.length,
        naiveQueries: naiveSamples.length,
        httpConnections: config.httpConnections,
        httpSeconds: config.httpSeconds,
        httpWorkers: config.httpWorkers,
        ...details,
      },
    };
  } finally {
    rss.stop();
    if (app) await app.close();
    for (const cleanup of cleanups)
      await cleanup().catch((error: unknown) => log(engine, `cleanup failed: ${String(error)}`));
  }
};

const TARGETS = {
  appendEventsPerSec: 20_000,
  catchUpEventsPerSec: 100_000,
  asOfP99Ms: 2,
  httpReqPerSec: 3_000,
  httpP99Ms: 20,
  speedup: 100,
};

export const tableRows = (result: BenchResult): Row[] => {
  const met = (ok: boolean) => (ok ? 'yes' : 'NO');
  const speedup = result.naiveAsOfP99Ms / result.asOfP99Ms;
  const byProjection = (result.details.catchUpByProjectionEventsPerSec ?? {}) as Record<string, number>;
  const diagnostic = (key: string, digits = 0) =>
    typeof result.details[key] === 'number' ? formatNumber(result.details[key] as number, digits) : 'skipped';
  const pair = (first: string, second: string) =>
    typeof result.details[first] === 'number'
      ? `${formatNumber(result.details[first] as number, 3)} / ${formatNumber(result.details[second] as number, 3)}`
      : 'skipped';
  return [
    { metric: 'events in the log', value: formatNumber(result.events), target: '', met: '' },
    {
      metric: 'append (events/s, batched)',
      value: formatNumber(result.appendEventsPerSec),
      target: '>= 20,000',
      met: met(result.appendEventsPerSec >= TARGETS.appendEventsPerSec),
    },
    {
      metric: `catch-up, all ${Object.keys(byProjection).length} projections (events/s)`,
      value: formatNumber(result.catchUpEventsPerSec),
      target: '>= 100,000',
      met: met(result.catchUpEventsPerSec >= TARGETS.catchUpEventsPerSec),
    },
    ...(result.catchUpFloorShare === undefined
      ? []
      : [
          {
            metric: 'catch-up, share of the server floor',
            value: `${Math.round(result.catchUpFloorShare * 100)}%`,
            target: '>= 50%',
            met: met(result.catchUpFloorShare >= 0.5),
          },
        ]),
    {
      metric: 'stance index memory (MB per million position events)',
      value: formatNumber(result.stanceIndexMbPerMillionEvents),
      target: '<= 300',
      met: met(result.stanceIndexMbPerMillionEvents <= 300),
    },
    {
      metric: 'stance index load at boot, image and log after it (events/s)',
      value: formatNumber(result.stanceIndexLoadEventsPerSec),
      target: '>= 100,000',
      met: met(result.stanceIndexLoadEventsPerSec >= 100_000),
    },
    ...(result.details.stanceIndexLogLoadEventsPerSec === undefined
      ? []
      : [
          {
            metric: '  the same from the whole log, with no image (events/s)',
            value: formatNumber(Number(result.details.stanceIndexLogLoadEventsPerSec)),
            target: '',
            met: '',
          },
        ]),
    ...Object.entries(byProjection).map(([name, rate]) => ({
      metric: `  of which ${name} done at (events/s)`,
      value: formatNumber(rate),
      target: '',
      met: '',
    })),
    {
      metric: 'stance as of, in process p50 (ms)',
      value: formatNumber(result.asOfP50Ms, 3),
      target: '',
      met: '',
    },
    {
      metric: 'stance as of, in process p99 (ms)',
      value: formatNumber(result.asOfP99Ms, 3),
      target: '<= 2',
      met: met(result.asOfP99Ms <= TARGETS.asOfP99Ms),
    },
    {
      metric: 'HTTP (req/s)',
      value: formatNumber(result.httpReqPerSec),
      target: '>= 3,000',
      met: met(result.httpReqPerSec >= TARGETS.httpReqPerSec),
    },
    { metric: 'HTTP p50 (ms)', value: formatNumber(result.httpP50Ms, 1), target: '', met: '' },
    {
      metric: 'HTTP p99 (ms)',
      value: formatNumber(result.httpP99Ms, 1),
      target: '<= 20',
      met: met(result.httpP99Ms <= TARGETS.httpP99Ms),
    },
    { metric: 'naive fold p99 (ms)', value: formatNumber(result.naiveAsOfP99Ms, 3), target: '', met: '' },
    {
      metric: 'naive p99 / as-of p99 (x)',
      value: formatNumber(speedup, 1),
      target: '>= 100',
      met: met(speedup >= TARGETS.speedup),
    },
    { metric: 'peak RSS (MB)', value: formatNumber(result.peakRssMb), target: '', met: '' },
    {
      metric: 'diag: as-of as objects, p50 / p99 (ms)',
      value: pair('asOfObjectsP50Ms', 'asOfObjectsP99Ms'),
      target: '',
      met: '',
    },
    {
      metric: 'diag: as-of in SQL, p50 / p99 (ms)',
      value: pair('asOfSqlP50Ms', 'asOfSqlP99Ms'),
      target: '',
      met: '',
    },
    {
      metric: 'diag: naive p99 / as-of-as-objects p99 (x)',
      value: diagnostic('naiveSpeedupP99Objects', 1),
      target: '',
      met: '',
    },
    {
      metric: 'diag: readAll alone (events/s)',
      value: diagnostic('readAllEventsPerSec'),
      target: '',
      met: '',
    },
    {
      metric: 'diag: stance-timeline rebuild alone (events/s)',
      value: diagnostic('stanceTimelineRebuildEventsPerSec'),
      target: '',
      met: '',
    },
  ];
};

export const printResult = (result: BenchResult): void => {
  const title =
    result.engine === 'postgres'
      ? `Positions bench: PostgreSQL server, ${formatNumber(result.events)} events`
      : `Positions bench: PGlite (in process, in memory), ${formatNumber(result.events)} events (smaller default: BENCH_PGLITE_EVENTS); the targets are the server's, shown for reference`;
  printTable(title, tableRows(result), [
    `machine: ${result.machine}; ${result.date}`,
    ...result.notes.map((note) => `note: ${note}`),
  ]);
};

const runChild = async (engine: Engine): Promise<void> => {
  const result = await runEngine(engine);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${engine}.json`), `${JSON.stringify(result, null, 2)}\n`);
  printResult(result);
};

/** Each engine runs in a process of its own, so one engine's heap does not inflate the other's peak RSS. */
const runInChild = (engine: Engine, timeoutSeconds: number): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...SERVICE_NODE_FLAGS,
        '--expose-gc',
        '-r',
        require.resolve('ts-node/register'),
        '-r',
        require.resolve('tsconfig-paths/register'),
        __filename,
      ],
      {
        env: { ...env, BENCH_ENGINE: engine, TS_NODE_TRANSPILE_ONLY: env.TS_NODE_TRANSPILE_ONLY ?? 'true' },
        stdio: 'inherit',
      },
    );
    const timer = setTimeout(() => {
      console.log(`[${engine}] timed out after ${timeoutSeconds} s; stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    }, timeoutSeconds * 1000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });

const main = async (): Promise<void> => {
  const only = env.BENCH_ENGINE as Engine | undefined;
  if (only) {
    Logger.overrideLogger(['error', 'warn']);
    process.once('SIGTERM', () => {
      setTimeout(() => process.exit(2), 10_000).unref();
      void Promise.all(cleanups.map((cleanup) => cleanup().catch(() => undefined))).then(() =>
        process.exit(2),
      );
    });
    return runChild(only);
  }
  const requested = (env.BENCH_ENGINES ?? 'postgres,pglite')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = requested.filter((name) => name !== 'postgres' && name !== 'pglite');
  if (unknown.length > 0)
    throw new Error(`BENCH_ENGINES: unknown engine(s) ${unknown.join(', ')} (postgres, pglite)`);
  const engines: Engine[] = [];
  for (const engine of requested as Engine[]) {
    if (engine === 'postgres' && !(await reachable(DATABASE_URL))) {
      console.log(
        `postgres skipped: no server at ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (set BENCH_DATABASE_URL)`,
      );
      continue;
    }
    engines.push(engine);
  }
  const timeoutSeconds = envInt('BENCH_TIMEOUT_S', 3600);
  const failed: Engine[] = [];
  for (const engine of engines) {
    if ((await runInChild(engine, timeoutSeconds)) !== 0) failed.push(engine);
  }
  console.log('\n==== summary ====');
  for (const engine of engines.filter((name) => !failed.includes(name))) {
    printResult(JSON.parse(readFileSync(join(RESULTS_DIR, `${engine}.json`), 'utf8')) as BenchResult);
  }
  if (failed.length > 0) {
    console.log(`\nfailed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
};

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
