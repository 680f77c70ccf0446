import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { APP_OPTIONS, configureApp, createHttpAdapter, initApp } from '../../src/app.setup';
import { PgSqlClient } from '../../src/infrastructure/database/pg-sql-client';
import { SqlClient } from '../../src/infrastructure/database/sql-client';
import { EventStore } from '../../src/infrastructure/event-store/event-store.port';
import { ProjectionRunner } from '../../src/infrastructure/read-models/projection-runner';
import { caughtUp } from './caught-up';
import { withContract } from './contract';
import { freshSchemaName, skipReason, TEST_DATABASE_URL } from './databases';

export type Engine = 'pglite' | 'postgres' | 'kurrentdb';

const KURRENTDB_URL = process.env.KURRENTDB_URL;

export const ADMIN_KEY = 'test-admin-key-0123456789';
export const EDITOR_KEY = 'test-editor-key-0123456789';
export const READER_KEY = 'test-reader-key-0123456789';

/** PGlite always; the PostgreSQL server when TEST_DATABASE_URL is set (CI sets it); KurrentDB when KURRENTDB_URL is. */
export const engines = (): Engine[] => {
  // Said once per test worker, so a plain `npm test` tells why its PostgreSQL variants did not run.
  if (!TEST_DATABASE_URL && !process.env.POSITIONS_TEST_SKIP_SAID) {
    process.env.POSITIONS_TEST_SKIP_SAID = 'true';
    skipReason('PostgreSQL', 'TEST_DATABASE_URL');
  }
  return engineList();
};

const engineList = (): Engine[] => [
  'pglite',
  ...(TEST_DATABASE_URL ? (['postgres'] as const) : []),
  ...(KURRENTDB_URL ? (['kurrentdb'] as const) : []),
];

export type TestApp = {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  sql: SqlClient;
  store: EventStore;
  /** The app's projections, and a wait until they have applied everything committed so far. */
  projections: { runner: ProjectionRunner; caughtUp: (timeoutMs?: number) => Promise<void> };
  close: () => Promise<void>;
};

/** Boots the real AppModule, as main.ts does, on a database of its own. */
export const startTestApp = async (
  engine: Engine = 'pglite',
  env: Record<string, string> = {},
): Promise<TestApp> => {
  const schema = engine === 'postgres' ? freshSchemaName() : 'public';
  const overrides: Record<string, string> = {
    EVENT_STORE: engine,
    DATA_DIR: 'memory://',
    DATABASE_SCHEMA: schema,
    ADMIN_API_KEY: ADMIN_KEY,
    API_KEYS: `editor:${EDITOR_KEY},reader:${READER_KEY}`,
    SEED_ON_START: 'false',
    PROJECTION_POLL_MS: '20',
    READ_REQUIRES_KEY: 'false',
    ...(engine === 'postgres' ? { DATABASE_URL: TEST_DATABASE_URL as string } : { DATABASE_URL: '' }),
    ...(engine === 'kurrentdb' ? { KURRENTDB_URL: KURRENTDB_URL as string } : {}),
    ...env,
  };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(overrides)] }).compile();
  const app = await configureApp(
    moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
      ...APP_OPTIONS,
      logger: ['error', 'warn'],
    }),
  );
  await initApp(app);
  const sql = app.get(SqlClient);
  return {
    app,
    http: () => withContract(request(app.getHttpServer())),
    sql,
    store: app.get(EventStore),
    projections: {
      runner: app.get(ProjectionRunner),
      caughtUp: (timeoutMs) => caughtUp(app.get(ProjectionRunner), timeoutMs),
    },
    // Stop the app (projectors, dispatcher) before dropping its schema: DDL waiting on their locks would
    // hold back pg_snapshot_xmin for the whole database and stall every other suite's catch-up readers.
    close: async () => {
      await app.close();
      if (engine === 'postgres') {
        const admin = new PgSqlClient(TEST_DATABASE_URL as string, 'public', 1);
        await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      }
    },
  };
};

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
