import type { Logger } from '@nestjs/common';
import type { SqlClient } from '../database/sql-client';

const STANDBY_RETRY_MS = 1_000;

/** One lock per projection across processes: the holder projects it, the others stand by and try again. */
export class LeadershipLock {
  private readonly held = new Map<string, () => Promise<void>>();
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly sql: SqlClient,
    private readonly logger: Logger,
  ) {}

  /** Takes the lock now, or keeps trying every second and calls `takenLater` once it holds it. */
  async take(name: string, takenLater: () => Promise<void>): Promise<boolean> {
    if (this.stopped) return false;
    const release = await this.sql.tryLock(`projection:${name}`).catch((error: unknown) => {
      this.logger.warn(`${name}: lock not taken (${error instanceof Error ? error.message : String(error)})`);
      return null;
    });
    if (!release) {
      const retry = async () => {
        if (await this.take(name, takenLater)) await takenLater();
      };
      this.waiting.set(
        name,
        setTimeout(() => void retry(), STANDBY_RETRY_MS),
      );
      return false;
    }
    this.waiting.delete(name);
    this.held.set(name, release);
    this.logger.log(`${name}: projecting in this process`);
    return true;
  }

  /** Another process holds this projection; this one takes over if that one dies. */
  standingBy(name: string): boolean {
    return this.waiting.has(name) && !this.held.has(name);
  }

  async releaseAll(): Promise<void> {
    this.stopped = true;
    this.waiting.forEach((timer) => clearTimeout(timer));
    const releases = [...this.held.values()];
    this.held.clear();
    await Promise.all(releases.map((release) => release()));
  }
}
