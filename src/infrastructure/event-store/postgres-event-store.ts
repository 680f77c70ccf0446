import { EventEmitter } from 'node:events';
import type { UpcastRegistry } from '@domain/shared/upcaster';
import { upcast } from '@domain/shared/upcaster';
import type { Clock } from '../clock';
import { isUniqueViolation, type SqlClient } from '../database/sql-client';
import { ConcurrencyConflictError, DuplicateEventIdError, InvalidCursorError } from './event-store.errors';
import {
  type AppendOptions,
  type AppendResult,
  EventStore,
  type LoggedEvent,
  type NewEvent,
  type ReadAllOfResult,
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
  /** As toISOString writes it: see RECORDED_AT_ISO. */
  recorded_at: string;
};

/** What readAllOf reads of an event, named as LoggedEvent names it (data only when its type was asked for). */
type LoggedRow = LoggedEvent & Pick<EventRow, 'transaction_id' | 'global_position'>;

type AppendRow = {
  r_outcome: 'appended' | 'repeat' | 'duplicate' | 'conflict';
  r_revision: string;
  r_event_id: string | null;
  r_global_position: string | null;
  r_transaction_id: string | null;
};

const NOTIFY_CHANNEL = 'positions_events_appended';
/**
 * recorded_at as toISOString writes it (record times are whole milliseconds of the years 1000 to 9999), written by
 * the server: Node then parses no date per event.
 */
const RECORDED_AT_ISO = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const EVENT_COLUMNS = `global_position::text, transaction_id::text, event_id::text, stream_name,
  stream_revision::text, event_type, schema_version, data, metadata,
  ${RECORDED_AT_ISO} AS recorded_at`;
/** A page of the log in the global order: after the cursor $1.$2, $3 events at most. */
const PAGE = `FROM events
  WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.transaction_id, events.global_position
  LIMIT $3`;
/**
 * readAll's page with data only for the types in $4, and no id, stream name, metadata or record time: every row still
 * comes (the page's count and where it ends), but per event this process parses one JSON document, not two.
 */
const READ_ALL_OF = `SELECT event_type AS type, schema_version AS "schemaVersion", stream_revision::text AS revision,
    CASE WHEN event_type = ANY($4::text[]) THEN data END AS data, transaction_id::text, global_position::text
  ${PAGE}`;

/** Cursor = "<transaction id>.<global position>": the global order is by transaction, then position. */
const encodeCursor = (transactionId: string, position: string): string => `${transactionId}.${position}`;
const decodeCursor = (cursor: string): [string, string] => {
  const match = /^(\d{1,20})\.(\d{1,20})$/.exec(cursor);
  if (!match) throw new InvalidCursorError(cursor);
  return [match[1], match[2]];
};

/** The one adapter for PostgreSQL and PGlite: both run exactly this SQL. */
export class PostgresEventStore extends EventStore {
  readonly engine: string;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  /** At most one wake-up NOTIFY in flight; appends committed meanwhile ask for one more after it. */
  private notifying = false;
  private notifyAgain = false;

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
    const rows = await this.sql.query<AppendRow>(
      'SELECT * FROM append_events($1, $2, $3::jsonb, $4)',
      [
        streamName,
        options.expectedRevision,
        JSON.stringify(
          events.map(({ id, type, schemaVersion, data, metadata }) => ({
            id,
            type,
            schemaVersion,
            data,
            metadata,
          })),
        ),
        recordedAt,
      ],
      { prepare: true },
    );
    const [first] = rows;
    // Refused or repeated: the stream's revision; appended: each event's own.
    const current = BigInt(first.r_revision);
    switch (first.r_outcome) {
      case 'repeat':
        return { appended: false, nextRevision: current.toString(), events: await this.stored(events) };
      case 'duplicate':
        throw new DuplicateEventIdError(rows.map((row) => row.r_event_id as string));
      case 'conflict':
        throw new ConcurrencyConflictError(
          streamName,
          options.expectedRevision,
          current < 0n ? 'no-stream' : current.toString(),
        );
      default: {
        const placed = new Map(rows.map((row) => [row.r_event_id as string, row]));
        // What was just written, as written: it is already at the version its writer chose.
        const recorded = events.map((event) => {
          const row = placed.get(event.id) as AppendRow;
          return {
            ...event,
            streamName,
            revision: String(row.r_revision),
            position: encodeCursor(row.r_transaction_id as string, String(row.r_global_position)),
            recordedAt,
          };
        });
        this.appended.emit('appended');
        this.wakeOtherProcesses();
        return { appended: true, nextRevision: recorded[recorded.length - 1].revision, events: recorded };
      }
    }
  }

  /**
   * Readers in other processes LISTEN for a hint that the log grew (they also poll). Sent after the commit, in a
   * statement of its own, and coalesced: a burst of appends costs a few NOTIFYs, not one each.
   */
  private wakeOtherProcesses(): void {
    if (this.sql.engine !== 'postgres') return;
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    void this.sql
      .query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`)
      .catch(() => undefined)
      .finally(() => {
        this.notifying = false;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.wakeOtherProcesses();
        }
      });
  }

  /** The stored events of an idempotent repeat, in stream order. */
  private async stored(events: NewEvent[]): Promise<RecordedEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY events.stream_revision`,
      [events.map((event) => event.id)],
    );
    return rows.map((row) => this.toRecorded(row));
  }

  async readStream(streamName: string, fromRevision = '0'): Promise<RecordedEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = $1 AND stream_revision >= $2 ORDER BY events.stream_revision`,
      [streamName, fromRevision],
    );
    return rows.map((row) => this.toRecorded(row));
  }

  async readEventsById(streamName: string, eventIds: readonly string[]): Promise<RecordedEvent[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[]) AND stream_name = $2
       ORDER BY events.stream_revision`,
      [eventIds, streamName],
    );
    return rows.map((row) => this.toRecorded(row));
  }

  async readAll(after: string | null, limit: number): Promise<ReadAllResult> {
    const [transactionId, position] = after ? decodeCursor(after) : ['0', '0'];
    const rows = await this.sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} ${PAGE}`, [
      transactionId,
      position,
      limit,
    ]);
    const events = rows.map((row) => this.toRecorded(row));
    return { events, next: events.length > 0 ? events[events.length - 1].position : after };
  }

  override async readAllOf(
    after: string | null,
    limit: number,
    types: readonly string[],
  ): Promise<ReadAllOfResult> {
    const [transactionId, position] = after ? decodeCursor(after) : ['0', '0'];
    const rows = await this.sql.query<LoggedRow>(READ_ALL_OF, [transactionId, position, limit, types]);
    const wanted = new Set(types);
    const events: LoggedEvent[] = [];
    // Each row is handed over as it came (its cursor columns too; upcast copies it only when a step applies). A new
    // object per event, living as long as its page, led V8 to allocate those objects in the old generation after a
    // while (allocation-site pretenuring), each keeping its event's data alive until the next full collection.
    for (const row of rows) if (wanted.has(row.type)) events.push(upcast(row, this.upcasters));
    const last = rows.at(-1);
    return {
      events,
      read: rows.length,
      next: last ? encodeCursor(last.transaction_id, last.global_position) : after,
    };
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

  async holdsPosition(position: string): Promise<boolean> {
    const [transactionId, globalPosition] = decodeCursor(position);
    const rows = await this.sql.query(
      'SELECT 1 FROM events WHERE transaction_id = $1::xid8 AND global_position = $2::bigint',
      [transactionId, globalPosition],
    );
    return rows.length > 0;
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
      recordedAt: row.recorded_at,
    };
  }
}
