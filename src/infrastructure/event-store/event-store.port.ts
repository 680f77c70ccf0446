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
  /** Catch-up subscription to the global order: replays from `after`, then follows new events. */
  abstract subscribe(options: SubscribeOptions): Subscription;
  /** How many events stand after `cursor` (capped at `cap`), for lag reporting. */
  abstract countAfter(cursor: string | null, cap: number): Promise<number>;
  /** False when no event was ever stored at `position` (a log position; a forged or mistyped one). */
  abstract holdsPosition(position: string): Promise<boolean>;
  abstract close(): Promise<void>;
}
