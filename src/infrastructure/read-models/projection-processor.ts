import type { SqlClient, SqlExecutor } from '../database/sql-client';
import type { RecordedEvent } from '../event-store/event-store.port';
import { Mutex } from './mutex';
import { liveTables, type Projection, type TableNames } from './projection';

/** The projection no longer stands where the page it was handed starts: it resumes from its own checkpoint. */
export class CheckpointMovedError extends Error {}

/** The stored checkpoint of a projection, creating its row on first use. */
export const readCheckpoint = async (
  tx: SqlExecutor,
  name: string,
  forUpdate: boolean,
): Promise<string | null> => {
  await tx.query('INSERT INTO projection_checkpoints (projection_name) VALUES ($1) ON CONFLICT DO NOTHING', [
    name,
  ]);
  const [row] = await tx.query<{ checkpoint: string | null }>(
    `SELECT checkpoint FROM projection_checkpoints WHERE projection_name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [name],
  );
  return row.checkpoint;
};

/** One projection in this process: its checkpoint, and each page applied with that checkpoint in one transaction. */
export class ProjectionProcessor {
  checkpoint: string | null = null;
  lastError: string | null = null;
  private readonly mutex = new Mutex();

  constructor(
    readonly projection: Projection,
    private readonly sql: SqlClient,
  ) {}

  get name(): string {
    return this.projection.name;
  }

  /** Live pages and a rebuild's swap never interleave. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.mutex.run(work);
  }

  async load(): Promise<string | null> {
    this.checkpoint = await readCheckpoint(this.sql, this.name, false);
    return this.checkpoint;
  }

  /** Applies a page read from the log after `after` to the live tables and moves the checkpoint past it. */
  process(after: string | null, events: RecordedEvent[]): Promise<void> {
    return this.exclusive(async () => {
      // A rebuild moved this projection past the page its consumer read.
      if (this.checkpoint !== after)
        throw new CheckpointMovedError(`${this.name} checkpoint moved to ${this.checkpoint}`);
      const next = events[events.length - 1].position;
      await this.sql.transaction(async (tx) => {
        const stored = await readCheckpoint(tx, this.name, true);
        // Another process, or a rebuild, moved the checkpoint: resume from where it stands instead.
        if (stored !== this.checkpoint)
          throw new CheckpointMovedError(`${this.name} checkpoint moved to ${stored}`);
        await this.applyTo(tx, events, liveTables(this.projection));
        await tx.query(
          `UPDATE projection_checkpoints SET checkpoint = $2, events_processed = events_processed + $3, updated_at = now()
           WHERE projection_name = $1`,
          [this.name, next, events.length],
        );
      });
      this.checkpoint = next;
      this.lastError = null;
      this.projection.afterCommit();
    });
  }

  /** Folds the events this projection handles into the given tables (live or rebuild twins). */
  async applyTo(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    const handled = events.filter((event) => this.projection.handles(event));
    if (handled.length > 0) await this.projection.apply(tx, handled, tables);
  }
}
