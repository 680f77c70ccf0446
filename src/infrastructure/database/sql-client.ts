import type { CopyValue } from './copy-text';

export type SqlParams = readonly unknown[];

/**
 * `prepare`: a hot query with fixed text, run as a named prepared statement where the engine supports it (the
 * server plans it once per connection instead of on every call). Never for text built from values.
 */
export type QueryOptions = { prepare?: boolean };

export interface SqlExecutor {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: SqlParams,
    options?: QueryOptions,
  ): Promise<Row[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Inserts the rows with `COPY ... FROM` (each row's values in `columns`' order): for large batches, where it
   * costs a fraction of an `INSERT ... SELECT` over one JSON parameter. No `ON CONFLICT`: copy into a staging
   * table for that. Inside a transaction, on the transaction's connection.
   */
  copyInto(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void>;
}

/** One SQL surface over `pg` (a server) and PGlite (embedded): the same SQL runs on both. */
export abstract class SqlClient implements SqlExecutor {
  abstract readonly engine: 'postgres' | 'pglite';
  abstract query<Row = Record<string, unknown>>(
    text: string,
    params?: SqlParams,
    options?: QueryOptions,
  ): Promise<Row[]>;
  abstract exec(text: string): Promise<void>;
  abstract copyInto(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly CopyValue[])[],
  ): Promise<void>;
  abstract transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Calls `onNotify` on NOTIFY `channel` from any process; a no-op where only one process can write. */
  abstract listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /**
   * Tries to take a session advisory lock on a connection of its own; it is held until `release` or until
   * that connection dies with its process, which is how another process takes over. Null when held elsewhere.
   */
  abstract tryLock(key: string): Promise<(() => Promise<void>) | null>;
  abstract close(): Promise<void>;
}

export const copyStatement = (table: string, columns: readonly string[], source: string): string =>
  `COPY ${table} (${columns.join(', ')}) FROM ${source}`;

export const UNIQUE_VIOLATION = '23505';

export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const candidate = error as { code?: string; constraint?: string; message?: string };
  if (candidate?.code !== UNIQUE_VIOLATION) return false;
  return (
    !constraint || candidate.constraint === constraint || Boolean(candidate.message?.includes(constraint))
  );
};
