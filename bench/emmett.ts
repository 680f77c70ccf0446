/**
 * Emmett beside us: the same generated log appended to Emmett's PostgreSQL event store (0.42) on the same server, by
 * the same number of writers in batches of the same size, then caught up by one light Emmett projection (the
 * current stance per position, one upsert statement per batch). Ratios against our figures of the same
 * `npm run bench` (bench/results/postgres.json, written by bench/run.ts just before) are printed and stored as
 * `appendVsEmmett` and `catchUpVsEmmett`. Emmett runs in a database of its own, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  getPostgreSQLEventStore,
  postgreSQLEventStoreConsumer,
  postgreSQLRawBatchSQLProjection,
} from '@event-driven-io/emmett-postgresql';
import { sql } from '@event-driven-io/dumbo';
import { actorIdOf, generateActor, planFor, streamWrites, topicWrites, type StreamWrite } from './generate';
import { formatNumber, round } from './stats';

const env = process.env;
const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RESULTS = join(__dirname, 'results', 'postgres.json');
const number = (value: string | undefined, fallback: number): number =>
  value === undefined || value === '' ? fallback : Number(value);
const EVENTS = Math.min(number(env.BENCH_EVENTS, 1_000_000), number(env.BENCH_EMMETT_EVENTS, 200_000));
const WRITERS = number(env.BENCH_WRITERS, 8);
const BATCH = number(env.BENCH_APPEND_BATCH, 100);
const PULL_BATCH = number(env.BENCH_PROJECTION_BATCH, 5000);
const TARGETS = { appendVsEmmett: 1.5, catchUpVsEmmett: 3 };

type StanceRow = {
  position_id: string;
  actor_id: string;
  topic_id: string;
  stance: unknown;
  retracted: boolean;
};

/** The light projection: the latest stance of each position, as Emmett's documentation writes a batch projection. */
const currentStance = postgreSQLRawBatchSQLProjection({
  name: 'bench_current_stance',
  canHandle: ['PositionStated', 'PositionCorrected', 'PositionRetracted'],
  init: () =>
    sql(
      `CREATE TABLE IF NOT EXISTS bench_current_stance (position_id text PRIMARY KEY, actor_id text NOT NULL,
         topic_id text, stance jsonb, retracted boolean NOT NULL DEFAULT false)`,
    ),
  evolve: (events) => {
    const rows = new Map<string, StanceRow>();
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      const positionId = String(data.positionId);
      const held = rows.get(positionId);
      if (event.type === 'PositionStated')
        rows.set(positionId, {
          position_id: positionId,
          actor_id: String(data.actorId),
          topic_id: String(data.topicId),
          stance: data.stance,
          retracted: false,
        });
      else if (event.type === 'PositionRetracted')
        rows.set(positionId, { ...(held ?? emptyRow(positionId, data)), retracted: true });
      else {
        const changes = (data.changes ?? data) as Record<string, unknown>;
        const base = held ?? emptyRow(positionId, data);
        rows.set(positionId, {
          ...base,
          topic_id: changes.topicId === undefined ? base.topic_id : String(changes.topicId),
          stance: changes.stance === undefined ? base.stance : changes.stance,
        });
      }
    }
    if (rows.size === 0) return [];
    return [
      sql(
        `INSERT INTO bench_current_stance AS c (position_id, actor_id, topic_id, stance, retracted)
         SELECT position_id, actor_id, topic_id, stance, retracted
           FROM jsonb_to_recordset(%L::jsonb)
             AS r(position_id text, actor_id text, topic_id text, stance jsonb, retracted boolean)
         ON CONFLICT (position_id) DO UPDATE SET
           topic_id = COALESCE(EXCLUDED.topic_id, c.topic_id),
           stance = COALESCE(EXCLUDED.stance, c.stance),
           retracted = c.retracted OR EXCLUDED.retracted`,
        JSON.stringify([...rows.values()]),
      ),
    ];
  },
});

const emptyRow = (positionId: string, data: Record<string, unknown>): StanceRow => ({
  position_id: positionId,
  actor_id: String(data.actorId),
  topic_id: null as unknown as string,
  stance: null,
  retracted: false,
});

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const main = async (): Promise<void> => {
  if (!(env.BENCH_ENGINES ?? 'postgres').split(',').includes('postgres')) {
    console.log('emmett: skipped, BENCH_ENGINES leaves out postgres');
    return;
  }
  const host = new URL(DATABASE_URL).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host))
    throw new Error(`BENCH_DATABASE_URL must point at 127.0.0.1 (got host "${host}")`);
  const admin = new Client({ connectionString: DATABASE_URL });
  try {
    await admin.connect();
  } catch {
    console.log('emmett: skipped, no PostgreSQL server answers (set BENCH_DATABASE_URL)');
    return;
  }
  const database = `bench_emmett_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = withDatabase(DATABASE_URL, database);
  const store = getPostgreSQLEventStore(url);
  try {
    const plan = planFor(EVENTS, number(env.BENCH_ACTORS, 10_000), number(env.BENCH_TOPICS, 30), 42);
    await store.schema.migrate();
    const toEmmett = (write: StreamWrite) =>
      write.events.map((event) => ({
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { ...event.metadata, eventId: event.id },
      }));
    console.log(
      `\nEmmett 0.42 beside us: ${formatNumber(EVENTS)} events, ${WRITERS} writers, ${BATCH} per append`,
    );
    let appended = 0;
    let stated = 0;
    const started = process.hrtime.bigint();
    for (const write of topicWrites(plan)) {
      await store.appendToStream(write.streamName, toEmmett(write));
      appended += write.events.length;
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < plan.actors) {
          const index = next++;
          for (const write of streamWrites(generateActor(plan, index), BATCH)) {
            await store.appendToStream(write.streamName, toEmmett(write));
            appended += write.events.length;
            stated += write.events.filter((event) => event.type === 'PositionStated').length;
          }
        }
      }),
    );
    const appendSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const appendEventsPerSec = appended / appendSeconds;
    console.log(
      `  append: ${formatNumber(appended)} events in ${appendSeconds.toFixed(1)} s: ${formatNumber(appendEventsPerSec)} events/s (the first actor is ${actorIdOf(0)})`,
    );

    const consumer = postgreSQLEventStoreConsumer({
      connectionString: url,
      stopWhen: { noMessagesLeft: true },
      pulling: { batchSize: PULL_BATCH },
    });
    consumer.projector({ processorId: 'bench-current-stance', projection: currentStance });
    const catchUpStarted = process.hrtime.bigint();
    await consumer.start();
    const catchUpSeconds = Number(process.hrtime.bigint() - catchUpStarted) / 1e9;
    await consumer.close();
    const check = new Client({ connectionString: url });
    await check.connect();
    const {
      rows: [{ positions }],
    } = await check.query<{ positions: number }>(
      'SELECT count(*)::int AS positions FROM bench_current_stance',
    );
    await check.end();
    const catchUpEventsPerSec = appended / catchUpSeconds;
    console.log(
      `  catch-up of one light projection: ${catchUpSeconds.toFixed(1)} s: ${formatNumber(catchUpEventsPerSec)} events/s (${formatNumber(positions)} positions projected)`,
    );
    // Emmett's checkpoint is the global position alone: under concurrent writers a transaction that commits after a
    // later position was read is skipped for good (and a transaction held open elsewhere ends its catch-up early).
    // Recorded, not hidden: the catch-up rate is over every appended event, so a short catch-up flatters Emmett.
    const missed = stated - positions;
    if (missed !== 0)
      console.log(
        `  the Emmett projection holds ${formatNumber(positions)} positions of ${formatNumber(stated)} stated: ${formatNumber(missed)} skipped (its checkpoint is the position alone; ours is checked complete)`,
      );

    const ours = existsSync(RESULTS)
      ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>)
      : {};
    const ourAppend = Number(ours.appendEventsPerSec);
    const ourCatchUp = Number(ours.catchUpEventsPerSec);
    const figures = {
      emmettAppendEventsPerSec: round(appendEventsPerSec, 0),
      emmettCatchUpEventsPerSec: round(catchUpEventsPerSec, 0),
      appendVsEmmett: Number.isFinite(ourAppend) ? round(ourAppend / appendEventsPerSec, 2) : null,
      catchUpVsEmmett: Number.isFinite(ourCatchUp) ? round(ourCatchUp / catchUpEventsPerSec, 2) : null,
      emmettDetails: {
        version: '0.42.0',
        events: appended,
        writers: WRITERS,
        appendBatch: BATCH,
        pullBatch: PULL_BATCH,
        ourEvents: ours.events ?? null,
        positionsStated: stated,
        positionsProjected: positions,
        note: 'ours: all projections of the service (bench/run.ts); Emmett: one light projection (current stance per position)',
      },
    };
    for (const key of ['appendVsEmmett', 'catchUpVsEmmett'] as const) {
      const value = figures[key];
      console.log(
        value === null
          ? `  ${key}: no figure of ours in ${RESULTS} (run npm run bench)`
          : `  ${key}: ${value}x (target >= ${TARGETS[key]}: ${value >= TARGETS[key] ? 'met' : 'MISSED'})`,
      );
    }
    if (existsSync(RESULTS)) writeFileSync(RESULTS, `${JSON.stringify({ ...ours, ...figures }, null, 2)}\n`);
  } finally {
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
