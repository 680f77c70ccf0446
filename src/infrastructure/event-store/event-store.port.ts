export type EventMetadata = {
  recordedBy: string;
  correlationId: string;
  causationId: string;
} & Record<string, unknown>;

export type NewEvent = {
  id: string;
  type: string;
  schemaVersion: number;
  data: object;
  metadata: EventMetadata;
};

export type RecordedEvent = NewEvent & {
  streamName: string;
  /** Revision within its stream, as an opaque decimal string. */
  revision: string;
  /** Place in the global order, as an opaque cursor: pass it back as `after`. */
  position: string;
  /** Record time: when the store appended it. */
  recordedAt: string;
};

/** 'no-stream', 'stream-exists', 'any', or the exact revision (decimal string) the stream must be at. */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | string;

export type AppendOptions = {
  expectedRevision: ExpectedRevision;
  /** Record time to stamp; the store's clock when absent. */
  recordedAt?: Date;
};

export type AppendResult = {
  /** False when every event id was already stored: an idempotent repeat that appended nothing. */
  appended: boolean;
  nextRevision: string;
  events: RecordedEvent[];
};

export type ReadAllResult = { events: RecordedEvent[]; next: string | null };

/**
 * An event as a reader that folds the log needs it: no id, stream name, metadata or record time (an adapter may hand
 * over objects that hold more).
 */
export type LoggedEvent = Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data' | 'revision'>;

export type ReadAllOfResult = {
  /** Those of the events read whose type was asked for, in the global order. */
  events: LoggedEvent[];
  /** How many events were read, of any type: fewer than the limit only at the end of the log. */
  read: number;
  /** As readAll's: after the last event read, whatever its type. */
  next: string | null;
};

export type Subscription = { stop(): Promise<void> };

export type SubscribeOptions = {
  after: string | null;
  batchSize: number;
  pollMs: number;
  /** Handles one batch in global order; the subscription moves past it only once this resolves. */
  onEvents: (events: RecordedEvent[]) => Promise<void>;
  onError?: (error: unknown) => void;
};

export abstract class EventStore {
  abstract readonly engine: string;
  abstract append(streamName: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  abstract readStream(streamName: string, fromRevision?: string): Promise<RecordedEvent[]>;
  /** Those of `eventIds` stored in `streamName`, in stream order (a retried command finds what it appended). */
  abstract readEventsById(streamName: string, eventIds: readonly string[]): Promise<RecordedEvent[]>;
  abstract readAll(after: string | null, limit: number): Promise<ReadAllResult>;

  /**
   * readAll's page, handing over only its events of `types`, each as a LoggedEvent: for a reader that loads the whole
   * log (the stance index at boot), for which whatever it does not use is time spent sending, parsing and building
   * objects. Filtered from readAll here; an adapter that can leave the rest unread overrides it.
   */
  async readAllOf(after: string | null, limit: number, types: readonly string[]): Promise<ReadAllOfResult> {
    const { events, next } = await this.readAll(after, limit);
    const wanted = new Set(types);
    return { events: events.filter((event) => wanted.has(event.type)), read: events.length, next };
  }

  /** Catch-up subscription to the global order: replays from `after`, then follows new events. */
  abstract subscribe(options: SubscribeOptions): Subscription;
  /** How many events stand after `cursor` (capped at `cap`), for lag reporting. */
  abstract countAfter(cursor: string | null, cap: number): Promise<number>;
  /** False when no event was ever stored at `position` (a log position; a forged or mistyped one). */
  abstract holdsPosition(position: string): Promise<boolean>;
  abstract close(): Promise<void>;
}
