import type { SqlClient } from '../database/sql-client';
import type { EventStore } from '../event-store/event-store.port';
import type { TableNames } from './projection';
import { readCheckpoint, type ProjectionProcessor } from './projection-processor';

export type Progress = (done: number, total: number) => void;

const REBUILD_SUFFIX = '__rebuild';

/**
 * Replays the whole log into fresh twin tables while the live ones keep serving, then, holding the processor,
 * catches up the last events and swaps the twins in with the checkpoint, in one transaction.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly batchSize: number,
  ) {}

  async rebuild(
    processor: ProjectionProcessor,
    progress: Progress,
  ): Promise<{ events: number; checkpoint: string | null }> {
    const { projection, name } = processor;
    const twins: TableNames = Object.fromEntries(
      projection.tables.map((table) => [table, `${table}${REBUILD_SUFFIX}`]),
    );
    for (const table of projection.tables) {
      await this.sql.exec(
        `DROP TABLE IF EXISTS ${twins[table]}; CREATE TABLE ${twins[table]} (LIKE ${table} INCLUDING ALL);`,
      );
    }
    const total = await this.store.countAfter(null, Number.MAX_SAFE_INTEGER);
    let cursor: string | null = null;
    let done = 0;
    const catchUp = async () => {
      for (;;) {
        const page = await this.store.readAll(cursor, this.batchSize);
        if (page.events.length === 0) return;
        await this.sql.transaction((tx) => processor.applyTo(tx, page.events, twins));
        cursor = page.next;
        done += page.events.length;
        progress(done, Math.max(total, done));
      }
    };
    await catchUp();
    await processor.exclusive(async () => {
      await catchUp();
      await this.sql.transaction(async (tx) => {
        await readCheckpoint(tx, name, true);
        for (const table of projection.tables) {
          await tx.exec(`DROP TABLE ${table}; ALTER TABLE ${twins[table]} RENAME TO ${table};`);
        }
        await tx.query(
          `UPDATE projection_checkpoints SET checkpoint = $2, events_processed = $3, updated_at = now() WHERE projection_name = $1`,
          [name, cursor, done],
        );
      });
      processor.checkpoint = cursor;
    });
    return { events: done, checkpoint: cursor };
  }
}
