import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module';
import { APP_OPTIONS, configureApp, createHttpAdapter, initApp } from '../src/app.setup';
import { SqlClient } from '../src/infrastructure/database/sql-client';

/**
 * The service's app in this process, set up as main.ts sets it up, with `overrides` for its settings (warnings and
 * errors logged only). `sql`, when given, is the database it uses: PGlite in memory lives in one process, so the
 * app must use the very one the bench wrote into.
 */
export const startBenchApp = async (
  overrides: Record<string, string>,
  sql?: SqlClient,
): Promise<NestFastifyApplication> => {
  const builder = Test.createTestingModule({ imports: [AppModule.register(overrides)] });
  if (sql) builder.overrideProvider(SqlClient).useValue(sql);
  const moduleRef = await builder.compile();
  const app = await configureApp(
    moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
      ...APP_OPTIONS,
      logger: ['error', 'warn'],
    }),
  );
  await initApp(app);
  return app;
};
