import { Injectable } from '@nestjs/common';
import { ReadGate, type ReadGateStatus } from '../infrastructure/http/read-gate';
import { EventStreams, type EventStreamsStatus } from '../analytics/event-stream/event-streams';
import { AppConfig } from '../config/app-config';
import { SqlClient } from '../infrastructure/database/sql-client';
import { EventStore } from '../infrastructure/event-store/event-store.port';
import type { LocalReadModelStatus } from '../infrastructure/read-models/local-read-model';
import { ProjectionRunner, type ProjectionStatus } from '../infrastructure/read-models/projection-runner';

export type Problem = { code: string; message: string } & Record<string, unknown>;

type OldestTransaction = {
  pid: number;
  database: string | null;
  user: string | null;
  applicationName: string | null;
  state: string | null;
  xid: string;
  /** Null where pg_stat_activity hides another role's session (no pg_read_all_stats). */
  ageMs: number | null;
  query: string | null;
};

export type Horizon =
  | { checked: false; reason: string }
  | {
      checked: true;
      /** The oldest transaction still running: catch-up readers read only below it. */
      xmin: string;
      /** Committed events the catch-up readers cannot see yet because of it (capped at 10,000). */
      eventsWaiting: number;
      /** How long this process has seen xmin held at this value while a transaction ran. */
      heldForMs: number;
      oldestTransaction: OldestTransaction | null;
    };

export type HealthReport = {
  status: 'ok' | 'degraded' | 'unavailable';
  problems: Problem[];
  store: { engine: string; readModels: string; ok: boolean; error?: string };
  projections: (ProjectionStatus & { stalledForMs: number })[];
  inMemory: (LocalReadModelStatus & { stalledForMs: number })[];
  horizon: Horizon;
  streams: EventStreamsStatus;
  reads: ReadGateStatus;
};

type Seen = { checkpoint: string | null; since: number };

const WAITING_CAP = 10_000;

/**
 * Whether the read models keep up with the log: each one's lag, how long it has had events waiting without its
 * checkpoint moving, and, on a PostgreSQL server, the transaction holding back the xmin horizon every catch-up
 * reader waits behind (a transaction left open anywhere on the cluster freezes them all).
 */
@Injectable()
export class ReadModelHealth {
  private readonly behindSince = new Map<string, Seen>();
  private heldXmin: Seen | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly projections: ProjectionRunner,
    private readonly streams: EventStreams,
    private readonly config: AppConfig,
    private readonly readGate: ReadGate,
  ) {}

  async report(): Promise<HealthReport> {
    const store = { engine: this.store.engine, readModels: this.sql.engine };
    try {
      await this.sql.query('SELECT 1');
      const now = Date.now();
      const projections = (await this.projections.status()).map((status) => ({
        ...status,
        stalledForMs: this.stalledFor(status.name, status.checkpoint, status.lag, now),
      }));
      const inMemory = (await this.projections.localStatus()).map((status) => ({
        ...status,
        stalledForMs:
          status.state === 'ready' ? this.stalledFor(status.name, status.checkpoint, status.lag, now) : 0,
      }));
      const horizon = await this.horizon(now);
      const problems = this.problems([...projections, ...inMemory], horizon);
      return {
        status: problems.length > 0 ? 'degraded' : 'ok',
        problems,
        store: { ...store, ok: true },
        projections,
        inMemory,
        horizon,
        streams: this.streams.status(),
        reads: this.readGate.status(),
      };
    } catch (error) {
      return {
        status: 'unavailable',
        problems: [{ code: 'STORE.UNAVAILABLE', message: 'The database does not answer.' }],
        store: { ...store, ok: false, error: error instanceof Error ? error.message : String(error) },
        projections: [],
        inMemory: [],
        horizon: { checked: false, reason: 'the database does not answer' },
        streams: this.streams.status(),
        reads: this.readGate.status(),
      };
    }
  }

  /**
   * How long a read model has had events waiting with its checkpoint standing still, as this process has seen it
   * (0 on the first look: a checkpoint that last moved an hour ago may just have been handed a new event).
   */
  private stalledFor(name: string, checkpoint: string | null, lag: number, now: number): number {
    const seen = this.behindSince.get(name);
    if (lag === 0) {
      this.behindSince.delete(name);
      return 0;
    }
    if (seen && seen.checkpoint === checkpoint) return now - seen.since;
    this.behindSince.set(name, { checkpoint, since: now });
    return 0;
  }

  private problems(
    models: { name: string; lag: number; stalledForMs: number; lastError: string | null }[],
    horizon: Horizon,
  ): Problem[] {
    const maxStall = this.config.durations.HEALTH_MAX_STALL;
    const maxAge = this.config.durations.HEALTH_MAX_TRANSACTION_AGE;
    const problems: Problem[] = [];
    for (const model of models) {
      if (model.stalledForMs > maxStall)
        problems.push({
          code: 'READ_MODEL.STALLED',
          message: `${model.name} has had ${model.lag} events waiting for ${Math.round(model.stalledForMs / 1000)} s without applying any${model.lastError ? ` (last error: ${model.lastError})` : ''}.`,
          readModel: model.name,
          lag: model.lag,
          stalledForMs: model.stalledForMs,
        });
      else if (model.lag > this.config.env.HEALTH_MAX_LAG)
        problems.push({
          code: 'READ_MODEL.LAGGING',
          message: `${model.name} is ${model.lag} events behind the log (HEALTH_MAX_LAG is ${this.config.env.HEALTH_MAX_LAG}).`,
          readModel: model.name,
          lag: model.lag,
        });
    }
    if (horizon.checked) {
      const oldest = horizon.oldestTransaction;
      const age = Math.max(oldest?.ageMs ?? 0, horizon.heldForMs);
      if (age > maxAge)
        problems.push({
          code: 'DATABASE.HORIZON_HELD',
          message:
            `A transaction open for ${Math.round(age / 1000)} s${oldest ? ` (pid ${oldest.pid}${oldest.database ? ` on database ${oldest.database}` : ''}, ${oldest.state ?? 'state hidden'})` : ''} ` +
            `holds back the xmin horizon: projections, the stance index, /v1/events and event streams see no event committed after it began` +
            `${horizon.eventsWaiting > 0 ? ` (${horizon.eventsWaiting} waiting)` : ''}. End it, or set idle_in_transaction_session_timeout.`,
          pid: oldest?.pid ?? null,
          ageMs: age,
          eventsWaiting: horizon.eventsWaiting,
        });
    }
    return problems;
  }

  private async horizon(now: number): Promise<Horizon> {
    if (this.store.engine !== 'postgres')
      return {
        checked: false,
        reason:
          this.store.engine === 'pglite'
            ? 'PGlite runs inside this process with one session: no other session can hold a transaction open, so the xmin horizon cannot be held back.'
            : `The log is in ${this.store.engine}, whose readers do not wait on PostgreSQL's xmin horizon.`,
      };
    const [snapshot] = await this.sql.query<{ xmin: string; xmax: string; waiting: number }>(
      `SELECT pg_snapshot_xmin(s)::text AS xmin, pg_snapshot_xmax(s)::text AS xmax,
         (SELECT count(*)::int FROM (SELECT 1 FROM events WHERE transaction_id >= pg_snapshot_xmin(s) LIMIT ${WAITING_CAP}) w) AS waiting
       FROM pg_current_snapshot() s`,
    );
    const [oldest] = await this.sql.query<{
      pid: number;
      datname: string | null;
      usename: string | null;
      application_name: string | null;
      state: string | null;
      xid: string;
      age_ms: string | null;
      query: string | null;
    }>(
      `SELECT pid, datname, usename, application_name, state, backend_xid::text AS xid,
         floor(extract(epoch FROM clock_timestamp() - xact_start) * 1000)::bigint::text AS age_ms,
         left(query, 200) AS query
       FROM pg_stat_activity
       WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
       ORDER BY age(backend_xid) DESC LIMIT 1`,
    );
    // Nothing runs when xmin has reached xmax; otherwise the same xmin, seen again, has been held all along.
    const running = snapshot.xmin !== snapshot.xmax;
    if (!running || this.heldXmin?.checkpoint !== snapshot.xmin)
      this.heldXmin = running ? { checkpoint: snapshot.xmin, since: now } : null;
    return {
      checked: true,
      xmin: snapshot.xmin,
      eventsWaiting: snapshot.waiting,
      heldForMs: this.heldXmin ? now - this.heldXmin.since : 0,
      oldestTransaction: oldest
        ? {
            pid: oldest.pid,
            database: oldest.datname,
            user: oldest.usename,
            applicationName: oldest.application_name,
            state: oldest.state,
            xid: oldest.xid,
            ageMs: oldest.age_ms === null ? null : Number(oldest.age_ms),
            query: oldest.query,
          }
        : null,
    };
  }
}
