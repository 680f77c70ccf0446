import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { Clock, SystemClock } from '../clock';
import { migrate } from './migrator';
import { PgSqlClient } from './pg-sql-client';
import { PgliteSqlClient } from './pglite-sql-client';
import { SqlClient } from './sql-client';

/**
 * Read models (and, on pglite/postgres, the events) live on DATABASE_URL when it is set, else in embedded
 * PGlite under DATA_DIR; DATA_DIR=memory:// keeps PGlite in memory (tests, demos).
 */
export const openSqlClient = async ({ env }: Pick<AppConfig, 'env'>): Promise<SqlClient> => {
  if (env.DATABASE_URL && env.EVENT_STORE !== 'pglite')
    return new PgSqlClient(env.DATABASE_URL, env.DATABASE_SCHEMA);
  const dataDir = env.DATA_DIR === 'memory://' ? undefined : join(resolve(env.DATA_DIR), 'pglite');
  return PgliteSqlClient.open(dataDir, env.DATABASE_SCHEMA);
};

@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: SqlClient,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const client = await openSqlClient(config);
        await migrate(client, config.env.DATABASE_SCHEMA);
        new Logger('Database').log(`${client.engine} ready (schema ${config.env.DATABASE_SCHEMA})`);
        return client;
      },
    },
  ],
  exports: [SqlClient, Clock],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(SqlClient) private readonly sql: SqlClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sql.close();
  }
}
