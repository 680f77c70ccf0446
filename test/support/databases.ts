import { randomBytes } from 'node:crypto';
import { migrate } from '../../src/infrastructure/database/migrator';
import { PgSqlClient } from '../../src/infrastructure/database/pg-sql-client';
import { PgliteSqlClient } from '../../src/infrastructure/database/pglite-sql-client';
import type { SqlClient } from '../../src/infrastructure/database/sql-client';

/** The PostgreSQL server the server-backed suites use; .ci/run sets it, and without it they are skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export const describeIfPostgres = TEST_DATABASE_URL ? describe : describe.skip;

export const skipReason = (engine: string, variable: string): void => {
  // eslint-disable-next-line no-console
  console.warn(`${engine} suites skipped: ${variable} is not set (no server to test against here).`);
};

export type TestDatabase = { sql: SqlClient; schema: string; close: () => Promise<void> };

export const freshSchemaName = (): string => `test_${randomBytes(6).toString('hex')}`;

/** A migrated database of its own: in-memory PGlite, or a fresh schema on the server (dropped afterwards). */
export const openTestDatabase = async (engine: 'pglite' | 'postgres'): Promise<TestDatabase> => {
  if (engine === 'pglite') {
    const sql = await PgliteSqlClient.open(undefined, 'public');
    await migrate(sql, 'public');
    return { sql, schema: 'public', close: () => sql.close() };
  }
  const schema = freshSchemaName();
  const sql = new PgSqlClient(TEST_DATABASE_URL as string, schema, 20);
  await migrate(sql, schema);
  return {
    sql,
    schema,
    close: async () => {
      await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await sql.close();
    },
  };
};
