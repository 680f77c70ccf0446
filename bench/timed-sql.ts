import {
  type QueryOptions,
  SqlClient,
  type SqlExecutor,
  type SqlParams,
} from '../src/infrastructure/database/sql-client';
import type { CopyValue } from '../src/infrastructure/database/copy-text';

/** What one kind of statement cost: its calls and the milliseconds Node waited for them. */
export type StatementCost = { statement: string; calls: number; ms: number };

/** A statement's kind: its first words, with a rebuild's twin table named as the live one. */
const kindOf = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/__rebuild/g, '')
    .slice(0, 60);

/**
 * Diagnostic: the service's SqlClient, timing every statement and transaction from Node (the wait, so the
 * server's work, the transfer and the driver's parsing of the rows; parameters are already serialised when a
 * statement is called). `reset` starts a new count and `costs` reads it.
 */
export class TimedSqlClient extends SqlClient {
  readonly engine: 'postgres' | 'pglite';
  private statements = new Map<string, StatementCost>();
  private transactionsMs = 0;
  private inTransactionsMs = 0;
  /** Statements outside any transaction. */
  private readonly outside: SqlExecutor;

  constructor(private readonly inner: SqlClient) {
    super();
    this.engine = inner.engine;
    this.outside = this.wrap(inner);
  }

  reset(): void {
    this.statements = new Map();
    this.transactionsMs = 0;
    this.inTransactionsMs = 0;
  }

  /** `transactionsMs`: inside transactions, from begin to commit; `inTransactionsMs`: their statements' share. */
  costs(): { statements: StatementCost[]; transactionsMs: number; inTransactionsMs: number } {
    return {
      statements: [...this.statements.values()].sort((a, b) => b.ms - a.ms),
      transactionsMs: this.transactionsMs,
      inTransactionsMs: this.inTransactionsMs,
    };
  }

  private async timed<T>(text: string, run: () => Promise<T>, inTransaction = false): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await run();
    } finally {
      const kind = kindOf(text);
      const cost = this.statements.get(kind) ?? { statement: kind, calls: 0, ms: 0 };
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      cost.calls += 1;
      cost.ms += ms;
      this.statements.set(kind, cost);
      if (inTransaction) this.inTransactionsMs += ms;
    }
  }

  private wrap(executor: SqlExecutor, inTransaction = false): SqlExecutor {
    return {
      query: <Row>(text: string, params?: SqlParams, options?: QueryOptions) =>
        this.timed(text, () => executor.query<Row>(text, params, options), inTransaction),
      exec: (text: string) => this.timed(text, () => executor.exec(text), inTransaction),
      copyInto: (table, columns, rows) =>
        this.timed(`COPY ${table}`, () => executor.copyInto(table, columns, rows), inTransaction),
    };
  }

  query<Row = Record<string, unknown>>(text: string, params?: SqlParams, options?: QueryOptions) {
    return this.outside.query<Row>(text, params, options);
  }

  exec(text: string): Promise<void> {
    return this.outside.exec(text);
  }

  copyInto(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]) {
    return this.outside.copyInto(table, columns, rows);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await this.inner.transaction((tx) => work(this.wrap(tx, true)));
    } finally {
      this.transactionsMs += Number(process.hrtime.bigint() - start) / 1e6;
    }
  }

  listen(channel: string, onNotify: () => void) {
    return this.inner.listen(channel, onNotify);
  }

  tryLock(key: string) {
    return this.inner.tryLock(key);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
