import type { SqlExecutor } from '../database/sql-client';
import type { RecordedEvent } from '../event-store/event-store.port';

/** Logical table name -> the physical table to write (the live one, or its rebuild twin). */
export type TableNames = Readonly<Record<string, string>>;

/** A read model: folds events into its tables. The host applies each batch and the checkpoint in one transaction. */
export abstract class Projection {
  abstract readonly name: string;
  abstract readonly tables: readonly string[];
  abstract handles(event: RecordedEvent): boolean;
  abstract apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void>;
  /** Called once a live batch has committed: for work that must only see committed rows. */
  afterCommit(): void {}
}

export const liveTables = (projection: Projection): TableNames =>
  Object.fromEntries(projection.tables.map((table) => [table, table]));

export const PROJECTIONS = Symbol('PROJECTIONS');
