import { Injectable } from '@nestjs/common';
import { SqlClient } from '../database/sql-client';
import { comparePositions } from '../event-store/log-position';
import { ProjectionRunner } from '../read-models/projection-runner';

/** How often the checkpoints are read while some request waits: one query for all the waiters. */
const POLL_MS = 15;

type Waiter = { position: string; done: (behind: string[]) => void };

/** Answers "have the read models applied the event at this position?", waiting for it when asked. */
@Injectable()
export class ReadModelWatermark {
  private readonly waiters = new Set<Waiter>();
  private polling: Promise<void> | null = null;

  constructor(
    private readonly sql: SqlClient,
    private readonly projections: ProjectionRunner,
  ) {}

  /** Resolves with [] once every read model has applied `position`, or with the ones still behind at the deadline. */
  waitFor(position: string, timeoutMs: number): Promise<string[]> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        done: (behind) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(behind);
        },
      };
      const timer = setTimeout(
        () => void this.behind(position).then(waiter.done, () => waiter.done(['unknown'])),
        timeoutMs,
      );
      this.waiters.add(waiter);
      this.polling ??= this.poll().finally(() => (this.polling = null));
    });
  }

  /** The read models that have not applied `position` yet: every projection (wherever it runs) and this process's in-memory ones. */
  async behind(position: string): Promise<string[]> {
    return [...(await this.checkpoints())]
      .filter(([, checkpoint]) => comparePositions(checkpoint, position) < 0)
      .map(([name]) => name);
  }

  private async poll(): Promise<void> {
    while (this.waiters.size > 0) {
      try {
        const checkpoints = await this.checkpoints();
        for (const waiter of this.waiters) {
          const reached = [...checkpoints.values()].every(
            (checkpoint) => comparePositions(checkpoint, waiter.position) >= 0,
          );
          if (reached) waiter.done([]);
        }
      } catch {
        // The database did not answer: the waiters time out with the read models named then.
      }
      if (this.waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async checkpoints(): Promise<Map<string, string | null>> {
    const rows = await this.sql.query<{ projection_name: string; checkpoint: string | null }>(
      'SELECT projection_name, checkpoint FROM projection_checkpoints',
    );
    const stored = new Map(rows.map((row) => [row.projection_name, row.checkpoint]));
    const checkpoints = new Map<string, string | null>(
      this.projections.list().map((projection) => [projection.name, stored.get(projection.name) ?? null]),
    );
    for (const local of this.projections.localModels()) {
      const checkpoint = local.servingCheckpoint();
      if (checkpoint !== undefined) checkpoints.set(local.name, checkpoint);
    }
    return checkpoints;
  }
}
