import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { SystemClock } from '../src/infrastructure/clock';
import { migrate } from '../src/infrastructure/database/migrator';
import { PgSqlClient } from '../src/infrastructure/database/pg-sql-client';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres-event-store';
import { ProjectionRunner } from '../src/infrastructure/read-models/projection-runner';
import { startBenchApp } from './app';
import { measureServerFloor } from './floor';
import { TimedSqlClient } from './timed-sql';
import { generateActor, planFor, streamWrites, topicWrites } from './generate';
import { elapsedMs, formatNumber, RssSampler } from './stats';

/**
 * Diagnostic (`npm run bench:projections`): what each projection costs on its own. Appends BENCH_EVENTS
 * (200,000 here by default) into a fresh schema on the server, then rebuilds every projection alone, one after
 * the other, printing events/s, how busy the machine was, how much of a core the Node process took and what each
 * statement cost per event (`TimedSqlClient`). Nothing
 * had projected the schema before, so the webhooks projection stores every notice afresh, as a first catch-up
 * does. The full bench's catch-up runs all projections together, reading each page once (a convoy): it moves at
 * the pace of the slowest. Last, the server floor: what the server alone spends storing those rows.
 */
const env = process.env;
const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EVENTS = Number(env.BENCH_EVENTS ?? 200_000);
const BATCH = env.BENCH_PROJECTION_BATCH ?? '5000';

/** Milliseconds spent over the whole log, as µs per event of it. */
const microsPerEvent = (ms: number, events: number) => ((ms * 1000) / events).toFixed(1);

/** Where a projection's time went, in µs per event of the log: its statements, and the rest of its transactions. */
const printCosts = (costs: ReturnType<TimedSqlClient['costs']>, events: number) => {
  const perEvent = (ms: number) => microsPerEvent(ms, events).padStart(7);
  const total = costs.statements.reduce((sum, cost) => sum + cost.ms, 0);
  for (const cost of costs.statements.filter((candidate) => candidate.ms >= total / 100))
    console.log(
      `  ${perEvent(cost.ms)} µs/event  ${String(cost.calls).padStart(5)} calls  ${cost.statement}`,
    );
  console.log(
    `  ${perEvent(costs.transactionsMs - costs.inTransactionsMs)} µs/event  in transactions, outside their statements (folding and serialising in JS)`,
  );
};

const printServerFloor = async (sql: PgSqlClient, events: number) => {
  console.log('server floor: the same rows inserted by the server itself, per event of the log');
  const floor = await measureServerFloor(sql, events);
  const perEvent = (ms: number) => `${microsPerEvent(ms, events).padStart(5)} µs/event`;
  for (const { table, rows, indexedMs, bareMs } of floor.tables)
    console.log(
      `  ${table.padEnd(24)} ${formatNumber(rows).padStart(9)} rows  ${perEvent(indexedMs)} with its indexes, ` +
        `${perEvent(bareMs)} without`,
    );
  console.log(
    `  together: ${microsPerEvent(floor.indexedMs, events)} µs/event, at most ` +
      `${formatNumber(floor.eventsPerSec)} events/s on one server core`,
  );
};

const main = async () => {
  const schema = `bench_alone_${randomBytes(4).toString('hex')}`;
  const sql = new PgSqlClient(DATABASE_URL, schema, 10);
  try {
    await migrate(sql, schema);
    const plan = planFor(EVENTS, Number(env.BENCH_ACTORS ?? 10_000), Number(env.BENCH_TOPICS ?? 30), 42);
    const store = new PostgresEventStore(sql, new SystemClock());
    for (const write of topicWrites(plan))
      await store.append(write.streamName, write.events, {
        expectedRevision: 'no-stream',
        recordedAt: write.recordedAt,
      });
    let nextActor = 0;
    const writer = async () => {
      for (let index = nextActor++; index < plan.actors; index = nextActor++) {
        let revision = 'no-stream';
        for (const write of streamWrites(generateActor(plan, index), 100))
          revision = (
            await store.append(write.streamName, write.events, {
              expectedRevision: revision,
              recordedAt: write.recordedAt,
            })
          ).nextRevision;
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    console.log(`${formatNumber(plan.totalEvents)} events appended into schema ${schema}`);

    // The app's own client, timed: each statement's cost is printed under its projection.
    const timed = new TimedSqlClient(new PgSqlClient(DATABASE_URL, schema, 10));
    const app = await startBenchApp(
      {
        EVENT_STORE: 'postgres',
        DATABASE_URL,
        DATABASE_SCHEMA: schema,
        DATA_DIR: 'memory://',
        SEED_ON_START: 'false',
        PROJECTIONS_ENABLED: 'false',
        STANCE_INDEX_ENABLED: 'false',
        PROJECTION_BATCH_SIZE: BATCH,
        LOG_LEVEL: 'warn',
      },
      timed,
    );
    // Each rebuild is a phase: its share of the machine, and of a core for this process.
    const sampler = new RssSampler();
    try {
      const runner = app.get(ProjectionRunner);
      for (const projection of runner.list()) {
        sampler.mark(projection.name);
        timed.reset();
        const start = process.hrtime.bigint();
        const { events } = await runner.rebuild(projection.name);
        const ms = elapsedMs(start);
        sampler.mark('between');
        console.log(
          `${projection.name.padEnd(16)} ${formatNumber((events / ms) * 1000).padStart(8)} events/s alone ` +
            `(${formatNumber(events)} events in ${(ms / 1000).toFixed(1)} s; machine ` +
            `${sampler.phaseMachineCpuPercent[projection.name]}% busy, this process ` +
            `${sampler.phaseCpuPercent[projection.name]}% of a core)`,
        );
        printCosts(timed.costs(), events);
      }
    } finally {
      sampler.stop();
      await app.close();
    }
    await printServerFloor(sql, plan.totalEvents);
  } finally {
    await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await sql.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
