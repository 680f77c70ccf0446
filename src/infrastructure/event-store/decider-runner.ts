import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { v5 as uuidv5 } from 'uuid';
import type { Decider, StateSchema } from '@domain/shared/decider';
import { DomainError } from '@domain/shared/domain-error';
import { maxDate } from '@domain/shared/time';
import type { UpcastRegistry } from '@domain/shared/upcaster';
import type { Clock } from '../clock';
import type { DeciderSnapshots } from './decider-snapshots';
import { type CachedState, DeciderStateCache } from './decider-state-cache';
import { ConcurrencyConflictError } from './event-store.errors';
import { upcasterFingerprint } from './event-upcasters';
import type { EventMetadata, EventStore, ExpectedRevision, RecordedEvent } from './event-store.port';
import { IdempotentRequest } from './idempotent-request';

/** Namespace for event ids derived from a command id (seeds, Idempotency-Key): the same command, the same ids. */
const EVENT_ID_NAMESPACE = '0b0b5c1e-6f1d-4b8e-9a57-4f1f3c2d7e10';
const RETRY_BASE_MS = 4;
const RETRY_CAP_MS = 250;
/** Event ids looked up per round when a retried command looks for what it appended. */
const REPLAY_LOOKUP = 64;

export type WriteSettings = {
  /** How long a write without If-Match keeps retrying a conflict on fresh state before answering it. */
  retryDeadlineMs: number;
  /** Events' worth of folded state kept in memory (0: none). */
  cacheEvents: number;
  /** A snapshot is stored once this many events, and a quarter of the stream, follow the last one (0: never). */
  snapshotAfterEvents: number;
};

export type RunOptions = {
  metadata: EventMetadata;
  /** The revision the caller saw (If-Match); absent, the runner retries a conflict on fresh state. */
  expectedRevision?: ExpectedRevision;
  /** Deterministic command id: event ids derive from it, so a repeat appends nothing. */
  commandId?: string;
  /**
   * Backfill (seeds, an admin's import): the record time is when the fact became known, not now. The real
   * append time is kept as `metadata.appendedAt`; the decider keeps each position's own changes in order.
   */
  knownSince?: Date;
};

export type RunResult<State> = {
  events: RecordedEvent[];
  /** True only when this call appended. */
  appended: boolean;
  /** The command had been carried out before (same command id): `events` and `revision` are that time's. */
  replayed: boolean;
  revision: string;
  state: State;
  recordedAt: string;
};

type Message = { type: string; data: object };
/** What loading a state needs of a decider. */
type Fold<State, StreamEvent extends Message> = Pick<
  Decider<State, never, StreamEvent>,
  'evolve' | 'initialState' | 'stateSchema'
>;
type Named = { stateSchema?: StateSchema };
type Folded<State> = { state: State; entry: CachedState | null };

const eventIdOf = (commandId: string, index: number): string =>
  uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE);

/**
 * Read -> fold -> decide -> append, the one place a decider meets IO. The fold starts from the state this process
 * last folded for the stream (or a stored snapshot), checked against the stream: the event at its revision must
 * still be the one it was folded up to. Only the events after it are read.
 */
export class DeciderRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DeciderRunner.name);
  private readonly cache: DeciderStateCache;
  private readonly stateVersionSuffix: string;
  private readonly anonymousDeciders = new WeakMap<Named, string>();
  private readonly snapshotWrites = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly snapshots: DeciderSnapshots,
    private readonly upcasters: UpcastRegistry,
    private readonly settings: WriteSettings,
  ) {
    this.cache = new DeciderStateCache(settings.cacheEvents);
    this.stateVersionSuffix = upcasterFingerprint(upcasters);
  }

  /** Read the stream, fold it, decide, append with the revision read. `build` receives record time. */
  async run<State, Command extends Message, StreamEvent extends Message>(
    decider: Decider<State, Command, StreamEvent>,
    streamName: string,
    build: (recordedAt: string) => Command,
    options: RunOptions,
  ): Promise<RunResult<State>> {
    const request = IdempotentRequest.current();
    const commandId = request ? request.commandIdFor(streamName, options.commandId) : options.commandId;
    const deadline = performance.now() + this.settings.retryDeadlineMs;
    for (let attempt = 0; ; attempt++) {
      const { state, entry } = await this.load(decider, streamName);
      const revision = entry?.revision ?? null;
      const current = revision ?? 'no-stream';
      // Under If-Match the decision must be made on the revision the caller saw, which a write reads after commit.
      if (options.expectedRevision !== undefined && options.expectedRevision !== current) {
        const replay = await this.replay(decider, streamName, commandId);
        if (replay) return replay;
        throw new ConcurrencyConflictError(streamName, options.expectedRevision, current);
      }
      // Record time never runs backwards within a stream, whatever the clocks of several processes say.
      const recordedAt = (
        options.knownSince ?? maxDate(this.clock.now(), new Date(entry?.lastRecordedAt ?? 0))
      ).toISOString();
      const appendedAt = options.knownSince ? { appendedAt: this.clock.now().toISOString() } : {};
      let decided: StreamEvent[];
      try {
        decided = decider.decide(build(recordedAt), state);
      } catch (error) {
        const replay = error instanceof DomainError && (await this.replay(decider, streamName, commandId));
        if (replay) return replay;
        throw error;
      }
      if (decided.length === 0) {
        const replay = await this.replay(decider, streamName, commandId);
        return (
          replay || {
            events: [],
            appended: false,
            replayed: false,
            revision: revision ?? '-1',
            state,
            recordedAt,
          }
        );
      }
      try {
        const result = await this.store.append(
          streamName,
          decided.map((event, index) => ({
            id: commandId ? eventIdOf(commandId, index) : randomUUID(),
            type: event.type,
            schemaVersion: this.upcasters[event.type]?.current ?? 1,
            data: event.data,
            metadata: {
              ...options.metadata,
              ...(commandId ? { commandId } : {}),
              ...(request ? { requestHash: request.requestHash } : {}),
              ...appendedAt,
            },
          })),
          {
            // The revision the decision was made on (If-Match equals it by now), so the state kept is the stream's.
            expectedRevision: current,
            recordedAt: new Date(recordedAt),
          },
        );
        if (!result.appended) {
          const replay = await this.replay(decider, streamName, commandId);
          if (replay) return replay;
          throw new Error(
            `The store called an append to ${streamName} a repeat, but its events are not there`,
          );
        }
        const after = decided.reduce((folded, event) => decider.evolve(folded, event), state);
        const last = result.events[result.events.length - 1];
        this.remember(decider, streamName, {
          state: after,
          revision: result.nextRevision,
          lastEventId: last.id,
          lastRecordedAt: last.recordedAt,
          storedRevision: entry?.storedRevision ?? -1,
        });
        return {
          events: result.events,
          appended: true,
          replayed: false,
          revision: result.nextRevision,
          state: after,
          recordedAt,
        };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || options.expectedRevision) throw error;
        const left = deadline - performance.now();
        if (left <= 0) throw error;
        // Full jitter: racing writers spread out instead of colliding again in step.
        await sleep(Math.min(left, Math.random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt)));
      }
    }
  }

  /** Waits for the snapshots being stored (before the database closes, and in tests). */
  async flushSnapshots(): Promise<void> {
    while (this.snapshotWrites.size > 0) await Promise.all(this.snapshotWrites.values());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flushSnapshots();
  }

  private async load<State, StreamEvent extends Message>(
    decider: Fold<State, StreamEvent>,
    streamName: string,
  ): Promise<Folded<State>> {
    const key = this.cacheKey(decider, streamName);
    const start = this.cache.get(key) ?? (await this.readSnapshot(decider, streamName));
    if (start) {
      const tail = await this.store.readStream(streamName, start.revision);
      if (tail[0]?.id === start.lastEventId) return this.fold(decider, streamName, start, tail.slice(1));
      // The stream is not the one this state was folded from (a store emptied or restored): start over.
      this.cache.delete(key);
    }
    return this.fold(decider, streamName, null, await this.store.readStream(streamName));
  }

  private fold<State, StreamEvent extends Message>(
    decider: Fold<State, StreamEvent>,
    streamName: string,
    start: CachedState | null,
    events: RecordedEvent[],
  ): Folded<State> {
    const initial = start ? (start.state as State) : decider.initialState();
    if (events.length === 0) return { state: initial, entry: start };
    // The stream holds only what this decider's commands appended, so its events are its own type.
    const state = (events as unknown as StreamEvent[]).reduce(decider.evolve, initial);
    const last = events[events.length - 1];
    const entry: CachedState = {
      state,
      revision: last.revision,
      lastEventId: last.id,
      lastRecordedAt: last.recordedAt,
      storedRevision: start?.storedRevision ?? -1,
    };
    this.remember(decider, streamName, entry);
    return { state, entry };
  }

  private remember(decider: Named, streamName: string, entry: CachedState): void {
    this.cache.set(this.cacheKey(decider, streamName), entry);
    this.storeSnapshotIfDue(decider, streamName, entry);
  }

  private async readSnapshot(decider: Named, streamName: string): Promise<CachedState | null> {
    if (!decider.stateSchema || this.settings.snapshotAfterEvents === 0) return null;
    const snapshot = await this.snapshots.read(
      streamName,
      decider.stateSchema.name,
      this.stateVersion(decider),
    );
    return snapshot && { ...snapshot, storedRevision: Number(snapshot.revision) };
  }

  /**
   * Off the hot path: after the write that made it due, one at a time per stream. Due once the events since the
   * last one reach both the setting and a quarter of the stream, so the cost of encoding a state that grows with
   * its stream stays constant per write, and a cold start folds at most a quarter of the stream (or the setting) after it.
   */
  private storeSnapshotIfDue(decider: Named, streamName: string, entry: CachedState): void {
    const every = this.settings.snapshotAfterEvents;
    if (!decider.stateSchema || every === 0) return;
    const revision = Number(entry.revision);
    const since = revision - entry.storedRevision;
    if (since < Math.max(every, Math.floor((revision + 1) / 4))) return;
    const key = `${decider.stateSchema.name}\u0000${streamName}`;
    if (this.snapshotWrites.has(key)) return;
    entry.storedRevision = revision;
    const { name } = decider.stateSchema;
    const stateVersion = this.stateVersion(decider);
    const write = sleep(0)
      .then(() => this.snapshots.write(streamName, name, stateVersion, entry))
      .catch((error: unknown) => {
        entry.storedRevision = -1;
        this.logger.warn(`Snapshot of ${name} for ${streamName} not stored: ${String(error)}`);
      })
      .finally(() => {
        this.snapshotWrites.delete(key);
        // Writes made meanwhile may have made the next one due.
        const latest = this.cache.get(this.cacheKey(decider, streamName));
        if (latest && latest !== entry) this.storeSnapshotIfDue(decider, streamName, latest);
      });
    this.snapshotWrites.set(key, write);
  }

  private stateVersion(decider: Named): string {
    return `${decider.stateSchema?.version}.${this.stateVersionSuffix}`;
  }

  private cacheKey(decider: Named, streamName: string): string {
    const schema = decider.stateSchema;
    let name = schema ? `${schema.name}@${schema.version}` : this.anonymousDeciders.get(decider);
    if (!name) {
      name = `anonymous-${randomUUID()}`;
      this.anonymousDeciders.set(decider, name);
    }
    return `${name}\u0000${streamName}`;
  }

  /**
   * A command with an id that is already in the stream was carried out by an earlier attempt (one whose answer
   * was lost, e.g. in a crash): answer what that attempt did, whatever the decider says of the command now.
   */
  private async replay<State, StreamEvent extends Message>(
    decider: Fold<State, StreamEvent>,
    streamName: string,
    commandId: string | undefined,
  ): Promise<RunResult<State> | null> {
    if (!commandId) return null;
    const events: RecordedEvent[] = [];
    for (let from = 0; events.length === from; from += REPLAY_LOOKUP) {
      const ids = Array.from({ length: REPLAY_LOOKUP }, (_, index) => eventIdOf(commandId, from + index));
      events.push(...(await this.store.readEventsById(streamName, ids)));
    }
    if (events.length === 0) return null;
    const request = IdempotentRequest.current();
    if (request) request.replayedEvents = events;
    const last = events[events.length - 1];
    const { state } = await this.load(decider, streamName);
    return {
      events,
      appended: false,
      replayed: true,
      revision: last.revision,
      state,
      recordedAt: last.recordedAt,
    };
  }
}
