import {
  ANY,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendStreamState,
  ErrorType,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  type JSONType,
  KurrentDBClient,
  NO_STREAM,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { UpcastRegistry } from '@domain/shared/upcaster';
import { upcast } from '@domain/shared/upcaster';
import type { Clock } from '../clock';
import { ConcurrencyConflictError, DuplicateEventIdError, InvalidCursorError } from './event-store.errors';
import {
  type AppendOptions,
  type AppendResult,
  type EventMetadata,
  EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllResult,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from './event-store.port';

/** Reserved metadata keys: KurrentDB has no columns for them, and reads strip them again. */
const SCHEMA_VERSION_KEY = '$schemaVersion';
const RECORDED_AT_KEY = '$recordedAt';
const FLUSH_MS = 50;
const RETRY_BASE_MS = 250;
const MAX_RETRY_MS = 30_000;
const IDLE = Symbol('idle');
const STOPPED = Symbol('stopped');

type StoredEvent = KurrentRecordedEvent;

const toPosition = (position: { commit: bigint | number; prepare: bigint | number }): Position => ({
  commit: BigInt(position.commit),
  prepare: BigInt(position.prepare),
});

/** Cursor = "<commit>.<prepare>" of the event's $all position. */
const encodeCursor = (position: Position): string => `${position.commit}.${position.prepare}`;
const decodeCursor = (cursor: string): Position => {
  const match = /^(\d{1,20})\.(\d{1,20})$/.exec(cursor);
  if (!match) throw new InvalidCursorError(cursor);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
};

const isAfter = (position: Position, cursor: Position | null): boolean =>
  cursor === null ||
  position.commit > cursor.commit ||
  (position.commit === cursor.commit && position.prepare > cursor.prepare);

const isSystemEvent = (type: string): boolean => type.startsWith('$');

const toStreamState = (expected: ExpectedRevision): AppendStreamState | null => {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return /^\d{1,20}$/.test(expected) ? BigInt(expected) : null;
  }
};

/** A stream revision as our port renders it: a decimal string, or 'no-stream' (KurrentDB: "no_stream", -1, deleted -5/-6). */
const renderRevision = (state: unknown): string => {
  const numeric =
    typeof state === 'bigint' ||
    typeof state === 'number' ||
    (typeof state === 'string' && /^\d+$/.test(state));
  const revision = numeric ? BigInt(state) : -1n;
  return revision >= 0n ? revision.toString() : 'no-stream';
};

const errorType = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionError =>
  error instanceof WrongExpectedVersionError || errorType(error) === ErrorType.WRONG_EXPECTED_VERSION;
const isStreamNotFound = (error: unknown): boolean =>
  error instanceof StreamNotFoundError || errorType(error) === ErrorType.STREAM_NOT_FOUND;

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
    ? (value as Record<string, unknown>)
    : {};

/** KurrentDB through its official gRPC client: one stream per aggregate, `$all` as the global order. */
export class KurrentDbEventStore extends EventStore {
  readonly engine = 'kurrentdb';
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    connectionString: string,
    private readonly clock: Clock,
    private readonly upcasters: UpcastRegistry = {},
  ) {
    super();
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  async append(streamName: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    // Only this stream is searched for the ids: KurrentDB has no cheap lookup of an event id across streams.
    const stored = await this.readStream(streamName);
    const current = stored.at(-1)?.revision ?? 'no-stream';
    const repeat = this.idempotentRepeat(stored, events);
    if (repeat) return { appended: false, nextRevision: current, events: repeat };

    const streamState = toStreamState(options.expectedRevision);
    if (streamState === null)
      throw new ConcurrencyConflictError(streamName, options.expectedRevision, current);
    const recordedAt = (options.recordedAt ?? this.clock.now()).toISOString();
    let result;
    try {
      result = await this.client.appendToStream(
        streamName,
        events.map((event) => this.toEventData(event, recordedAt)),
        { streamState },
      );
    } catch (error) {
      if (isWrongExpectedVersion(error)) {
        throw new ConcurrencyConflictError(
          streamName,
          options.expectedRevision,
          renderRevision(error.actualState),
        );
      }
      throw error;
    }
    // Only reachable with throwOnAppendFailure=false, which we never set; kept so a refusal can never pass as success.
    if (!result.success) {
      throw new ConcurrencyConflictError(
        streamName,
        options.expectedRevision,
        renderRevision(result.nextExpectedRevision),
      );
    }
    const nextRevision = BigInt(result.nextExpectedRevision);
    const first = nextRevision - BigInt(events.length) + 1n;
    const readBack = await this.readRevisions(streamName, first, events.length);
    // Positions come from the read-back; data and version stay as written (a read would upcast them).
    const appended = readBack.map((stored, index) => ({
      ...stored,
      schemaVersion: events[index].schemaVersion,
      data: events[index].data,
    }));
    return { appended: true, nextRevision: nextRevision.toString(), events: appended };
  }

  /** All ids already in this stream: the same append again. Some: a refusal. */
  private idempotentRepeat(stored: RecordedEvent[], events: NewEvent[]): RecordedEvent[] | null {
    const ids = new Set(events.map((event) => event.id));
    const found = stored.filter((event) => ids.has(event.id));
    if (found.length === 0) return null;
    if (found.length === ids.size) return found;
    throw new DuplicateEventIdError(found.map((event) => event.id));
  }

  async readStream(streamName: string, fromRevision = '0'): Promise<RecordedEvent[]> {
    return this.readRevisions(streamName, BigInt(fromRevision));
  }

  /** KurrentDB has no lookup by event id: the stream is scanned (a retried command's rare path). */
  async readEventsById(streamName: string, eventIds: readonly string[]): Promise<RecordedEvent[]> {
    const wanted = new Set(eventIds);
    return (await this.readStream(streamName)).filter((event) => wanted.has(event.id));
  }

  private async readRevisions(streamName: string, from: bigint, maxCount?: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const resolved = this.client.readStream(streamName, {
        fromRevision: from,
        direction: FORWARDS,
        ...(maxCount === undefined ? {} : { maxCount }),
        // Our own append's read-back must not hit a lagging follower.
        requiresLeader: maxCount !== undefined,
      });
      for await (const { event, commitPosition } of resolved) {
        if (event) events.push(this.toRecorded(event, commitPosition));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll(after: string | null, limit: number): Promise<ReadAllResult> {
    const events: RecordedEvent[] = [];
    let seen = after ? decodeCursor(after) : null;
    if (limit <= 0) return { events, next: after };
    for (;;) {
      // fromPosition is inclusive, so the event at `seen` comes back first and is skipped.
      const maxCount = limit - events.length + (seen ? 1 : 0);
      let read = 0;
      for await (const { event } of this.client.readAll({
        fromPosition: seen ?? START,
        maxCount,
        direction: FORWARDS,
      })) {
        read += 1;
        if (!event) continue;
        const position = toPosition(event.position);
        if (!isAfter(position, seen)) continue;
        if (!isSystemEvent(event.type)) {
          if (events.length === limit) break;
          events.push(this.toRecorded(event));
        }
        seen = position;
      }
      if (events.length >= limit || read < maxCount) break;
    }
    return { events, next: seen ? encodeCursor(seen) : after };
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = followAll(
      (from) => this.client.subscribeToAll({ fromPosition: from ?? START, filter: excludeSystemEvents() }),
      (event) => this.toRecorded(event),
      options,
    );
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async countAfter(cursor: string | null, cap: number): Promise<number> {
    return (await this.readAll(cursor, cap)).events.length;
  }

  /** Not checked on KurrentDB (its $all positions are not looked up one by one here): a read waits as before. */
  async holdsPosition(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  private toEventData(event: NewEvent, recordedAt: string) {
    return jsonEvent({
      id: event.id,
      type: event.type,
      data: event.data as JSONType,
      metadata: {
        ...event.metadata,
        [SCHEMA_VERSION_KEY]: event.schemaVersion,
        [RECORDED_AT_KEY]: recordedAt,
      },
    });
  }

  private toRecorded(event: StoredEvent, commitPosition?: bigint): RecordedEvent {
    const {
      [SCHEMA_VERSION_KEY]: schemaVersion,
      [RECORDED_AT_KEY]: recordedAt,
      ...metadata
    } = asRecord(event.metadata);
    const upcasted = upcast(
      {
        type: event.type,
        schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
        data: event.data as unknown,
      },
      this.upcasters,
    );
    return {
      id: event.id,
      type: event.type,
      schemaVersion: upcasted.schemaVersion,
      data: upcasted.data as object,
      metadata: metadata as EventMetadata,
      streamName: event.streamId,
      revision: BigInt(event.revision).toString(),
      position: encodeCursor(this.positionOf(event, commitPosition)),
      recordedAt: typeof recordedAt === 'string' ? recordedAt : event.created.toISOString(),
    };
  }

  private positionOf(event: StoredEvent, commitPosition?: bigint): Position {
    if (event.position) return toPosition(event.position);
    // Servers before 22.6 send no position on stream reads; a non-transactional write has prepare = commit.
    if (commitPosition !== undefined) return toPosition({ commit: commitPosition, prepare: commitPosition });
    throw new Error(
      `KurrentDB sent no $all position for event ${event.id}; the server must be 22.6 or later.`,
    );
  }
}

/**
 * A catch-up subscription to $all that hands `onEvents` one batch at a time and moves its cursor only once
 * that resolves; a dropped subscription or a failed batch resubscribes from the cursor, backing off.
 */
const followAll = (
  open: (from: Position | null) => AllStreamSubscription,
  toRecorded: (event: StoredEvent) => RecordedEvent,
  options: SubscribeOptions,
): Subscription => {
  let cursor = options.after ? decodeCursor(options.after) : null;
  let stopped = false;
  let failures = 0;
  let signalStop: () => void = () => undefined;
  const stopping = new Promise<typeof STOPPED>((resolve) => (signalStop = () => resolve(STOPPED)));
  // A short wait lets a burst share one batch without holding a lone event back for a whole poll interval.
  const flushMs = Math.max(1, Math.min(options.pollMs, FLUSH_MS));

  const follow = async (): Promise<void> => {
    const subscription = open(cursor);
    // Errors reach us through the iterator; this keeps one arriving after we let go from crashing the process.
    subscription.on('error', () => undefined);
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    let batchEnd: Position | null = null;
    let next: Promise<IteratorResult<AllStreamResolvedEvent>> | null = null;
    const flush = async () => {
      await options.onEvents(batch);
      cursor = batchEnd;
      batch = [];
      failures = 0;
    };
    try {
      while (!stopped) {
        if (!next) {
          next = iterator.next();
          next.catch(() => undefined);
        }
        const result = await raceIdle(next, stopping, batch.length > 0 ? flushMs : null);
        if (result === STOPPED) return;
        if (result === IDLE) {
          await flush();
          continue;
        }
        next = null;
        if (result.done) throw new Error('KurrentDB ended the $all subscription');
        const event = result.value.event;
        if (!event || isSystemEvent(event.type)) continue;
        const position = toPosition(event.position);
        if (!isAfter(position, batchEnd ?? cursor)) continue;
        batch.push(toRecorded(event));
        batchEnd = position;
        if (batch.length >= options.batchSize) await flush();
      }
    } finally {
      // Not awaited: unsubscribing waits for a connection that may never come, and stop() must not hang on it.
      void subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    }
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        await follow();
      } catch (error) {
        if (!stopped) options.onError?.(error);
      }
      if (stopped) break;
      failures += 1;
      await pause(Math.min(MAX_RETRY_MS, RETRY_BASE_MS * 2 ** Math.min(failures - 1, 8)), stopping);
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      signalStop();
      await loop;
    },
  };
};

/** The first of `next`, a stop, or (when `idleMs` is set) that much time passing. */
const raceIdle = <T>(
  next: Promise<T>,
  stopping: Promise<typeof STOPPED>,
  idleMs: number | null,
): Promise<T | typeof IDLE | typeof STOPPED> => {
  if (idleMs === null) return Promise.race([next, stopping]);
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), idleMs)));
  return Promise.race([next, stopping, idle]).finally(() => clearTimeout(timer));
};

const pause = (ms: number, stopping: Promise<typeof STOPPED>): Promise<unknown> =>
  raceIdle(new Promise<never>(() => undefined), stopping, ms);
