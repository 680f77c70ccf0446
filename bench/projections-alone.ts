import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppModule } from '../src/app.module';
import { APP_OPTIONS, configureApp, createHttpAdapter, initApp } from '../src/app.setup';
import { SystemClock } from '../src/infrastructure/clock';
import { migrate } from '../src/infrastructure/database/migrator';
import { PgSqlClient } from '../src/infrastructure/database/pg-sql-client';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres-event-store';
import { ProjectionRunner } from '../src/infrastructure/read-models/projection-runner';
import { generateActor, planFor, streamWrites, topicWrites } from './generate';
import { elapsedMs, formatNumber } from './stats';

/**
 * Diagnostic (`npm run bench:projections`): what each projection costs on its own. Appends BENCH_EVENTS
 * (200,000 here by default) into a fresh schema on the server, then rebuilds every projection alone, one after
 * the other, printing events/s, how busy the machine was and how much of a core the Node process took. Nothing
 * had projected the schema before, so the webhooks projection stores every notice afresh, as a first catch-up
 * does. The full bench's catch-up runs all projections together, reading each page once (a convoy): it moves at
 * the pace of the slowest.
 */
const env = process.env;
const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EVENTS = Number(env.BENCH_EVENTS ?? 200_000);
const BATCH = env.BENCH_PROJECTION_BATCH ?? '5000';

/** Busy and total jiffies of the whole machine, from /proc/stat. */
const machineTicks = (): { busy: number; total: number } => {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - ticks[3] - ticks[4], total };
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

    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.register({
          EVENT_STORE: 'postgres',
          DATABASE_URL,
          DATABASE_SCHEMA: schema,
          DATA_DIR: 'memory://',
          SEED_ON_START: 'false',
          PROJECTIONS_ENABLED: 'false',
          STANCE_INDEX_ENABLED: 'false',
          PROJECTION_BATCH_SIZE: BATCH,
          LOG_LEVEL: 'warn',
        }),
      ],
    }).compile();
    const app = configureApp(
      moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
        ...APP_OPTIONS,
        logger: ['error', 'warn'],
      }),
    );
    await initApp(app);
    try {
      const runner = app.get(ProjectionRunner);
      for (const projection of runner.list()) {
        const machineBefore = machineTicks();
        const cpuBefore = process.cpuUsage();
        const start = process.hrtime.bigint();
        const { events } = await runner.rebuild(projection.name);
        const ms = elapsedMs(start);
        const cpu = process.cpuUsage(cpuBefore);
        const machineAfter = machineTicks();
        const busy =
          (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total);
        console.log(
          `${projection.name.padEnd(16)} ${formatNumber((events / ms) * 1000).padStart(8)} events/s alone ` +
            `(${formatNumber(events)} events in ${(ms / 1000).toFixed(1)} s; machine ${Math.round(busy * 100)}% busy, ` +
            `this process ${Math.round(((cpu.user + cpu.system) / 1000 / ms) * 100)}% of a core)`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await sql.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
