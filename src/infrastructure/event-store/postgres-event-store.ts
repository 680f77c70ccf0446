import { EventEmitter } from 'node:events';
import type { UpcastRegistry } from '@domain/shared/upcaster';
import { upcast } from '@domain/shared/upcaster';
import type { Clock } from '../clock';
import { isUniqueViolation, type SqlClient, type SqlExecutor } from '../database/sql-client';
import { ConcurrencyConflictError, DuplicateEventIdError, InvalidCursorError } from './event-store.errors';
import {
  type AppendOptions,
  type AppendResult,
  EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllResult,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from './event-store.port';
import { catchUpLoop } from './sub-loop';

type EventRow = {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_name: string;
  stream_revision: string;
  event_type: string;
  schema_version: number;
  data: object;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date | string;
};

const NOTIFY_CHANNEL = 'positions_events_appended';
const EVENT_COLUMNS = `global_position::text, transaction_id::text, event_id::text, stream_name,
  stream_revision::text, event_type, schema_version, data, metadata, recorded_at`;

/** Cursor = "<transaction id>.<global position>": the global order is by transaction, then position. */
const encodeCursor = (transactionId: string, position: string): string => `${transactionId}.${position}`;
const decodeCursor = (cursor: string): [string, string] => {
  const match = /^(\d{1,20})\.(\d{1,20})$/.exec(cursor);
  if (!match) throw new InvalidCursorError(cursor);
  return [match[1], match[2]];
};

const revisionMatches = (expected: ExpectedRevision, actual: bigint): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === -1n;
    case 'stream-exists':
      return actual >= 0n;
    default:
      return /^\d+$/.test(expected) && BigInt(expected) === actual;
  }
};

/** The one adapter for PostgreSQL and PGlite: both run exactly this SQL. */
export class PostgresEventStore extends EventStore {
  readonly engine: string;
  private readonly appended = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly sql: SqlClient,
    private readonly clock: Clock,
    private readonly upcasters: UpcastRegistry = {},
  ) {
    super();
    this.engine = sql.engine;
  }

  async append(streamName: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    try {
      return await this.appendOnce(streamName, events, options);
    } catch (error) {
      // A concurrent append of the same ids won the race: this one is then an idempotent repeat.
      if (isUniqueViolation(error, 'events_event_id_key'))
        return this.appendOnce(streamName, events, options);
      throw error;
    }
  }

  private async appendOnce(
    streamName: string,
    events: NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const recordedAt = (options.recordedAt ?? this.clock.now()).toISOString();
    const result = await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO streams (stream_name, revision, updated_at) VALUES ($1, -1, now()) ON CONFLICT (stream_name) DO NOTHING`,
        [streamName],
      );
      const [{ revision }] = await tx.query<{ revision: string }>(
        'SELECT revision::text FROM streams WHERE stream_name = $1 FOR UPDATE',
        [streamName],
      );
      const current = BigInt(revision);
      const repeat = await this.idempotentRepeat(tx, streamName, events);
      if (repeat) return { appended: false, nextRevision: current.toString(), events: repeat };
      if (!revisionMatches(options.expectedRevision, current)) {
        throw new ConcurrencyConflictError(
          streamName,
          options.expectedRevision,
          current < 0n ? 'no-stream' : current.toString(),
        );
      }
      const rows = await tx.query<EventRow>(
        `INSERT INTO events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata, recorded_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::timestamptz[])
         RETURNING ${EVENT_COLUMNS}`,
        [
          events.map((event) => event.id),
          events.map(() => streamName),
          events.map((_, index) => (current + 1n + BigInt(index)).toString()),
          events.map((event) => event.type),
          events.map((event) => event.schemaVersion),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata)),
          events.map(() => recordedAt),
        ],
      );
      const nextRevision = current + BigInt(events.length);
      await tx.query('UPDATE streams SET revision = $2, updated_at = now() WHERE stream_name = $1', [
        streamName,
        nextRevision.toString(),
      ]);
      if (this.sql.engine === 'postgres') await tx.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`);
      return {
        appended: true,
        nextRevision: nextRevision.toString(),
        events: rows.map((row) => this.toRecorded(row)),
      };
    });
    if (result.appended) this.appended.emit('appended');
    return result;
  }

  /** All ids already in this stream: the same append again. Some, or elsewhere: a refusal. */
  private async idempotentRepeat(
    tx: SqlExecutor,
    streamName: string,
    events: NewEvent[],
  ): Promise<RecordedEvent[] | null> {
    const ids = events.map((event) => event.id);
    const found = await tx.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY events.stream_revision`,
      [ids],
    );
    if (found.length === 0) return null;
    if (found.length === ids.length && found.every((row) => row.stream_name === streamName)) {
      return found.map((row) => this.toRecorded(row));
    }
    throw new DuplicateEventIdError(found.map((row) => row.event_id));
  }

  async readStream(streamName: string, fromRevision = '0'): Promise<RecordedEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = $1 AND stream_revision >= $2 ORDER BY events.stream_revision`,
      [streamName, fromRevision],
    );
    return rows.map((row) => this.toRecorded(row));
  }

  async readAll(after: string | null, limit: number): Promise<ReadAllResult> {
    const [transactionId, position] = after ? decodeCursor(after) : ['0', '0'];
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY events.transaction_id, events.global_position
       LIMIT $3`,
      [transactionId, position, limit],
    );
    const events = rows.map((row) => this.toRecorded(row));
    return { events, next: events.length > 0 ? events[events.length - 1].position : after };
  }

  subscribe(options: SubscribeOptions): Subscription {
    let unlisten: Promise<() => Promise<void>> | null = null;
    return catchUpLoop(
      (after, limit) => this.readAll(after, limit),
      (wake) => {
        this.appended.on('appended', wake);
        unlisten = this.sql.listen(NOTIFY_CHANNEL, wake).catch(() => async () => undefined);
        return () => {
          this.appended.off('appended', wake);
          void unlisten?.then((stop) => stop());
        };
      },
      options,
    );
  }

  async countAfter(cursor: string | null, cap: number): Promise<number> {
    const [transactionId, position] = cursor ? decodeCursor(cursor) : ['0', '0'];
    const [{ count }] = await this.sql.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM (
         SELECT 1 FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) LIMIT $3) pending`,
      [transactionId, position, cap],
    );
    return Number(count);
  }

  async close(): Promise<void> {
    this.appended.removeAllListeners();
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const event = upcast(
      { type: row.event_type, schemaVersion: row.schema_version, data: row.data as unknown },
      this.upcasters,
    );
    return {
      id: row.event_id,
      type: row.event_type,
      schemaVersion: event.schemaVersion,
      data: event.data as object,
      metadata: row.metadata,
      streamName: row.stream_name,
      revision: row.stream_revision,
      position: encodeCursor(row.transaction_id, row.global_position),
      recordedAt: new Date(row.recorded_at).toISOString(),
    };
  }
}
