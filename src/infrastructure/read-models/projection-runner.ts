import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { SqlClient, type SqlExecutor } from '../database/sql-client';
import { EventStore, type RecordedEvent, type Subscription } from '../event-store/event-store.port';
import { Mutex } from './mutex';
import type { LocalReadModel, LocalReadModelStatus } from './local-read-model';
import { liveTables, type Projection, PROJECTIONS, type TableNames } from './projection';

export type ProjectionStatus = {
  name: string;
  checkpoint: string | null;
  eventsProcessed: number;
  lag: number;
  updatedAt: string | null;
  running: boolean;
  /** Another process holds this projection; this one takes over if that one dies. */
  standby: boolean;
  lastError: string | null;
};

export type Progress = (done: number, total: number) => void;

class CheckpointMovedError extends Error {}

const LAG_CAP = 1_000_000;
const REBUILD_SUFFIX = '__rebuild';

/**
 * Projections that stand at the same checkpoint share one subscription (a convoy): each page of the log is read
 * and parsed once and handed to every member, each in its own transaction with its own checkpoint.
 */
type Convoy = { members: Set<Projection>; subscription: Subscription | null; cursor: string | null };

type Live = {
  subscription: Subscription | null;
  checkpoint: string | null;
  lastError: string | null;
  convoy: Convoy;
};

const STANDBY_RETRY_MS = 1_000;

/** Runs every projection from its checkpoint, and rebuilds one into fresh tables while the old ones serve. */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly live = new Map<string, Live>();
  private readonly locks = new Map<string, Mutex>();
  private readonly leases = new Map<string, () => Promise<void>>();
  private readonly standbys = new Map<string, NodeJS.Timeout>();
  private readonly convoys = new Set<Convoy>();
  private readonly locals: LocalReadModel[] = [];
  private stopping = false;

  constructor(
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.env.PROJECTIONS_ENABLED) return;
    const leading: Projection[] = [];
    for (const projection of this.projections) if (await this.takeLead(projection)) leading.push(projection);
    await this.startTogether(leading);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.standbys.forEach((timer) => clearTimeout(timer));
    const convoys = [...this.convoys];
    this.convoys.clear();
    await Promise.all(convoys.map((convoy) => convoy.subscription?.stop()));
    this.live.clear();
    await Promise.all([...this.leases.values()].map((release) => release()));
    this.leases.clear();
  }

  /** Runs the projection here if no other process does; otherwise stands by and tries again. */
  private async lead(projection: Projection): Promise<void> {
    if (await this.takeLead(projection)) await this.startTogether([projection]);
  }

  /** Takes the projection's lock, or schedules another try when another process holds it. */
  private async takeLead(projection: Projection): Promise<boolean> {
    if (this.stopping) return false;
    const release = await this.sql.tryLock(`projection:${projection.name}`).catch((error: unknown) => {
      this.logger.warn(
        `${projection.name}: lock not taken (${error instanceof Error ? error.message : String(error)})`,
      );
      return null;
    });
    if (!release) {
      this.standbys.set(
        projection.name,
        setTimeout(() => void this.lead(projection), STANDBY_RETRY_MS),
      );
      return false;
    }
    this.standbys.delete(projection.name);
    this.leases.set(projection.name, release);
    this.logger.log(`${projection.name}: projecting in this process`);
    return true;
  }

  list(): Projection[] {
    return this.projections;
  }

  find(name: string): Projection | undefined {
    return this.projections.find((projection) => projection.name === name);
  }

  async status(): Promise<ProjectionStatus[]> {
    const rows = await this.sql.query<{
      projection_name: string;
      checkpoint: string | null;
      events_processed: string;
      updated_at: Date;
    }>('SELECT projection_name, checkpoint, events_processed::text, updated_at FROM projection_checkpoints');
    return Promise.all(
      this.projections.map(async (projection) => {
        const row = rows.find((candidate) => candidate.projection_name === projection.name);
        const checkpoint = row?.checkpoint ?? null;
        return {
          name: projection.name,
          checkpoint,
          eventsProcessed: Number(row?.events_processed ?? 0),
          lag: await this.store.countAfter(checkpoint, LAG_CAP),
          updatedAt: row ? new Date(row.updated_at).toISOString() : null,
          running: Boolean(this.live.get(projection.name)?.subscription),
          standby: this.standbys.has(projection.name) && !this.leases.has(projection.name),
          lastError: this.live.get(projection.name)?.lastError ?? null,
        };
      }),
    );
  }

  /** In-memory read models of this process, reported beside the projections and awaited by caughtUp. */
  registerLocal(model: LocalReadModel): void {
    this.locals.push(model);
  }

  localStatus(): Promise<LocalReadModelStatus[]> {
    return Promise.all(this.locals.map((model) => model.status()));
  }

  /** Resolves once every projection, and every in-memory read model here, has handled every event committed before the call. */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lags = [
        ...(await this.status()),
        ...(await this.localStatus()).filter((local) => local.state !== 'disabled'),
      ];
      if (lags.every((status) => status.lag === 0 && (!('state' in status) || status.state === 'ready')))
        return;
      if (Date.now() > deadline) throw new Error(`projections still lagging: ${JSON.stringify(lags)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private lock(name: string): Mutex {
    let mutex = this.locks.get(name);
    if (!mutex) this.locks.set(name, (mutex = new Mutex()));
    return mutex;
  }

  private async readCheckpoint(tx: SqlExecutor, name: string, forUpdate: boolean): Promise<string | null> {
    await tx.query(
      'INSERT INTO projection_checkpoints (projection_name) VALUES ($1) ON CONFLICT DO NOTHING',
      [name],
    );
    const [row] = await tx.query<{ checkpoint: string | null }>(
      `SELECT checkpoint FROM projection_checkpoints WHERE projection_name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [name],
    );
    return row.checkpoint;
  }

  /** Starts these projections, one convoy per distinct checkpoint. */
  private async startTogether(projections: Projection[], lastError: string | null = null): Promise<void> {
    const byCheckpoint = new Map<string | null, Projection[]>();
    for (const projection of projections) {
      const checkpoint = await this.readCheckpoint(this.sql, projection.name, false);
      byCheckpoint.set(checkpoint, [...(byCheckpoint.get(checkpoint) ?? []), projection]);
    }
    if (this.stopping) return;
    for (const [checkpoint, members] of byCheckpoint) this.startConvoy(members, checkpoint, lastError);
  }

  private startConvoy(members: Projection[], checkpoint: string | null, lastError: string | null): void {
    const convoy: Convoy = { members: new Set(members), subscription: null, cursor: checkpoint };
    const lives = members.map((projection) => {
      const live: Live = { subscription: null, checkpoint, lastError, convoy };
      this.live.set(projection.name, live);
      return live;
    });
    this.convoys.add(convoy);
    convoy.subscription = this.store.subscribe({
      after: checkpoint,
      batchSize: this.config.env.PROJECTION_BATCH_SIZE,
      pollMs: this.config.env.PROJECTION_POLL_MS,
      onEvents: (events) => this.applyConvoy(convoy, events),
      // Only a convoy of one lets an error through (a member of a larger convoy leaves it instead): retried with backoff.
      onError: (error) => {
        const [projection] = convoy.members;
        const live = projection && this.live.get(projection.name);
        if (!projection || !live || live.convoy !== convoy) return;
        this.failed(projection, live, error);
      },
    });
    lives.forEach((live) => (live.subscription = convoy.subscription));
  }

  /** Hands one page to every member, concurrently; a member that fails leaves the convoy and goes on alone. */
  private async applyConvoy(convoy: Convoy, events: RecordedEvent[]): Promise<void> {
    const after = convoy.cursor;
    const members = [...convoy.members].flatMap((projection) => {
      const live = this.live.get(projection.name);
      return live?.convoy === convoy ? [{ projection, live }] : [];
    });
    const results = await Promise.allSettled(
      members.map(({ projection, live }) =>
        this.lock(projection.name).run(() => this.applyLive(projection, live, after, events)),
      ),
    );
    if (members.length === 1 && results[0].status === 'rejected') throw results[0].reason;
    convoy.cursor = events[events.length - 1].position;
    results.forEach((result, index) => {
      if (result.status === 'rejected')
        this.failed(members[index].projection, members[index].live, result.reason);
    });
  }

  private failed(projection: Projection, live: Live, error: unknown): void {
    live.lastError = error instanceof Error ? error.message : String(error);
    if (error instanceof CheckpointMovedError) {
      void this.restart(projection, live);
      return;
    }
    this.logger.error(`${projection.name}: ${live.lastError}`);
    // Alone, the subscription reads the page again after a backoff; in a convoy, the others go on without it.
    if (live.convoy.members.size > 1) void this.restart(projection, live);
  }

  /** Takes the projection out of its convoy and starts it again from its stored checkpoint, on its own. */
  private async restart(projection: Projection, stale: Live): Promise<void> {
    if (this.live.get(projection.name) !== stale) return;
    this.live.delete(projection.name);
    const { convoy } = stale;
    convoy.members.delete(projection);
    if (convoy.members.size === 0) {
      this.convoys.delete(convoy);
      await convoy.subscription?.stop();
    }
    if (this.stopping) return;
    await this.startTogether([projection], stale.lastError);
  }

  private async applyLive(
    projection: Projection,
    live: Live,
    after: string | null,
    events: RecordedEvent[],
  ): Promise<void> {
    // A rebuild moved this projection past the page its convoy read: it resumes from its own checkpoint.
    if (live.checkpoint !== after)
      throw new CheckpointMovedError(`${projection.name} checkpoint moved to ${live.checkpoint}`);
    const next = events[events.length - 1].position;
    await this.sql.transaction(async (tx) => {
      const stored = await this.readCheckpoint(tx, projection.name, true);
      // Another process, or a rebuild, moved the checkpoint: resume from where it stands instead.
      if (stored !== live.checkpoint)
        throw new CheckpointMovedError(`${projection.name} checkpoint moved to ${stored}`);
      await this.applyBatch(tx, projection, events, liveTables(projection));
      await this.saveCheckpoint(tx, projection.name, next, events.length);
    });
    live.checkpoint = next;
    live.lastError = null;
    projection.afterCommit();
  }

  private async applyBatch(
    tx: SqlExecutor,
    projection: Projection,
    events: RecordedEvent[],
    tables: TableNames,
  ) {
    const handled = events.filter((event) => projection.handles(event));
    if (handled.length > 0) await projection.apply(tx, handled, tables);
  }

  private async saveCheckpoint(tx: SqlExecutor, name: string, checkpoint: string | null, count: number) {
    await tx.query(
      `UPDATE projection_checkpoints SET checkpoint = $2, events_processed = events_processed + $3, updated_at = now()
       WHERE projection_name = $1`,
      [name, checkpoint, count],
    );
  }

  /**
   * Replays the whole log into fresh twin tables while the live ones keep serving, then, holding the
   * projection's lock, catches up the last events and swaps the twins in with the checkpoint, in one transaction.
   */
  async rebuild(
    name: string,
    progress: Progress = () => undefined,
  ): Promise<{ events: number; checkpoint: string | null }> {
    const projection = this.find(name);
    if (!projection) throw new Error(`unknown projection ${name}`);
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
    const batchSize = this.config.env.PROJECTION_BATCH_SIZE;
    const catchUp = async () => {
      for (;;) {
        const page = await this.store.readAll(cursor, batchSize);
        if (page.events.length === 0) return;
        await this.sql.transaction((tx) => this.applyBatch(tx, projection, page.events, twins));
        cursor = page.next;
        done += page.events.length;
        progress(done, Math.max(total, done));
      }
    };
    await catchUp();
    await this.lock(name).run(async () => {
      await catchUp();
      await this.sql.transaction(async (tx) => {
        await this.readCheckpoint(tx, name, true);
        for (const table of projection.tables) {
          await tx.exec(`DROP TABLE ${table}; ALTER TABLE ${twins[table]} RENAME TO ${table};`);
        }
        await tx.query(
          `UPDATE projection_checkpoints SET checkpoint = $2, events_processed = $3, updated_at = now() WHERE projection_name = $1`,
          [name, cursor, done],
        );
      });
      const live = this.live.get(name);
      if (live) live.checkpoint = cursor;
    });
    const live = this.live.get(name);
    if (live) await this.restart(projection, live);
    this.logger.log(`${name} rebuilt from ${done} events`);
    return { events: done, checkpoint: cursor };
  }
}
