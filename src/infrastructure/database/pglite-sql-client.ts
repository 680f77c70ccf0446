import { PGlite, type Transaction } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { type CopyValue, copyText } from './copy-text';
import { copyStatement, SqlClient, type SqlExecutor, type SqlParams } from './sql-client';

const executor = (db: PGlite | Transaction): SqlExecutor => ({
  query: async <Row>(text: string, params: SqlParams = []) =>
    (await db.query<Row>(text, params as unknown[])).rows,
  exec: async (text: string) => {
    await db.exec(text);
  },
  copyInto: async (table, columns, rows) => {
    if (rows.length === 0) return;
    await db.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([copyText(rows)]) });
  },
});

/** In-process Postgres: one connection, so transactions run one at a time and no other process can write. */
export class PgliteSqlClient extends SqlClient {
  readonly engine = 'pglite' as const;
  private readonly direct: SqlExecutor;

  private constructor(private readonly db: PGlite) {
    super();
    this.direct = executor(db);
  }

  /** `dataDir` undefined keeps the database in memory. */
  static async open(dataDir: string | undefined, schema: string): Promise<PgliteSqlClient> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = dataDir ? new PGlite(dataDir) : new PGlite();
    await db.waitReady;
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
    return new PgliteSqlClient(db);
  }

  query<Row = Record<string, unknown>>(text: string, params?: SqlParams): Promise<Row[]> {
    return this.direct.query<Row>(text, params);
  }

  exec(text: string): Promise<void> {
    return this.direct.exec(text);
  }

  copyInto(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly CopyValue[])[],
  ): Promise<void> {
    return this.direct.copyInto(table, columns, rows);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(executor(tx)));
  }

  async listen(): Promise<() => Promise<void>> {
    return async () => undefined;
  }

  /** One process owns an embedded database, so it always holds every lock. */
  async tryLock(): Promise<() => Promise<void>> {
    return async () => undefined;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
