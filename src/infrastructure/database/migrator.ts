import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Umzug } from 'umzug';
import { projectRoot } from '../project-root';
import type { SqlClient, SqlExecutor } from './sql-client';

const MIGRATIONS_LOCK = 7_270_001;

export class MigrationChangedError extends Error {
  constructor(name: string, reason: string) {
    super(
      `Migration ${name} ${reason} after it was applied; add a new migration instead of editing an applied one.`,
    );
  }
}

const checksum = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Applies migrations/*.sql in name order, all in one transaction under an advisory lock, so two processes
 * starting at once do not race, and refuses to run when an applied file has changed or vanished.
 */
export const migrate = async (
  client: SqlClient,
  schema: string,
  folder = join(projectRoot(), 'migrations'),
): Promise<string[]> => {
  const logger = new Logger('Migrations');
  const files = readdirSync(folder)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort();
  await client.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  return client.transaction(async (tx: SqlExecutor) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATIONS_LOCK]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
         name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = await tx.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM ${schema}.schema_migrations ORDER BY name`,
    );
    for (const row of applied) {
      if (!files.includes(row.name)) throw new MigrationChangedError(row.name, 'was removed');
      if (checksum(readFileSync(join(folder, row.name), 'utf8')) !== row.checksum) {
        throw new MigrationChangedError(row.name, 'was changed');
      }
    }
    const umzug = new Umzug({
      migrations: files.map((name) => ({
        name,
        up: async () => {
          const sql = readFileSync(join(folder, name), 'utf8');
          await tx.exec(`SET LOCAL search_path TO ${schema};\n${sql}`);
          await tx.query(`INSERT INTO ${schema}.schema_migrations (name, checksum) VALUES ($1, $2)`, [
            name,
            checksum(sql),
          ]);
        },
      })),
      storage: {
        executed: async () => applied.map((row) => row.name),
        logMigration: async () => undefined,
        unlogMigration: async () => undefined,
      },
      logger: undefined,
    });
    const ran = await umzug.up();
    ran.forEach(({ name }) => logger.log(`applied ${name}`));
    return ran.map(({ name }) => name);
  });
};
