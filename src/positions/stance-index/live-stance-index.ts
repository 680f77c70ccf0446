import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  type AsOf,
  isPositionEvent,
  POSITION_EVENT_TYPES,
  type PositionEvent,
  type StanceInForce,
} from '@domain/positions';
import { AppConfig } from '../../config/app-config';
import { Doorbell } from '../../infrastructure/doorbell';
import { comparePositions } from '../../infrastructure/event-store/log-position';
import { readLog } from '../../infrastructure/event-store/sub-loop';
import {
  EventStore,
  type ReadAllOfResult,
  type RecordedEvent,
  type Subscription,
} from '../../infrastructure/event-store/event-store.port';
import type { LocalReadModel, LocalReadModelStatus } from '../../infrastructure/read-models/local-read-model';
import { ProjectionRunner } from '../../infrastructure/read-models/projection-runner';
import { StanceIndex } from './stance-index';

const PAGE = 5_000;

const LAG_CAP = 1_000_000;
const RETRY_MS = 1_000;

/**
 * How far an index has applied the log: every event up to the log position `after`, then the first `appliedInPage`
 * position events of the page that starts there (a load that failed part-way through it). The log before its end never
 * changes, so that page read again holds those same events first.
 */
export type IndexCursor = { after: string | null; appliedInPage: number };

/**
 * Reads the log's position events after `cursor` into `index`, to the log's end (readLog: the next page read while
 * this one is applied), moving `cursor` past each page applied before telling `onPage` of it. A load that throws
 * leaves `cursor` at the first event not applied, so that a load from it applies no event twice. The service loads its
 * index so at boot; the bench measures this.
 */
export const loadStanceIndex = (
  store: EventStore,
  index: StanceIndex,
  cursor: IndexCursor,
  onPage: (page: ReadAllOfResult) => void,
  stopped?: () => boolean,
): Promise<void> =>
  readLog(
    (from, limit) => store.readAllOf(from, limit, POSITION_EVENT_TYPES),
    cursor.after,
    PAGE,
    (page) => {
      const { events } = page;
      let at = cursor.appliedInPage;
      try {
        for (; at < events.length; at++)
          index.apply(events[at] as unknown as PositionEvent, events[at].revision);
      } catch (error) {
        cursor.appliedInPage = at;
        throw error;
      }
      if (page.read > 0) cursor.after = page.next;
      cursor.appliedInPage = 0;
      onPage(page);
    },
    stopped,
  );

/**
 * This process's StanceIndex: loaded from the whole log at boot, then following it. Until it has read the log to its
 * end it answers nothing (null), and readers ask SQL instead.
 */
@Injectable()
export class LiveStanceIndex implements LocalReadModel, OnApplicationBootstrap, OnApplicationShutdown {
  readonly name = 'stance-index';
  private readonly logger = new Logger(LiveStanceIndex.name);
  private readonly index = new StanceIndex();
  private readonly retry = new Doorbell();
  private loaded = false;
  private stopped = false;
  private readonly cursor: IndexCursor = { after: null, appliedInPage: 0 };
  private applied = 0;
  private loadMs: number | null = null;
  private lastError: string | null = null;
  private subscription: Subscription | null = null;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly config: AppConfig,
    projections: ProjectionRunner,
  ) {
    projections.registerLocal(this);
  }

  private get enabled(): boolean {
    return this.config.env.STANCE_INDEX_ENABLED;
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.loading = this.load();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.retry.ring();
    await this.loading;
    await this.subscription?.stop();
  }

  /** The stances in force, or null while the index is still loading (or switched off). */
  stancesOf(actorId: string, asOf: AsOf, topicId?: string): StanceInForce[] | null {
    return this.loaded ? this.index.stancesOf(actorId, asOf, topicId) : null;
  }

  /** The same as UTF-8 JSON without actorId (StanceIndex.renderedStancesOf), or null while loading. */
  renderedStancesOf(actorId: string, asOf: AsOf, topicId?: string): Uint8Array[] | null {
    return this.loaded ? this.index.renderedStancesOf(actorId, asOf, topicId) : null;
  }

  servingCheckpoint(): string | null | undefined {
    return this.loaded ? this.cursor.after : undefined;
  }

  async status(): Promise<LocalReadModelStatus> {
    return {
      name: this.name,
      state: !this.enabled ? 'disabled' : this.loaded ? 'ready' : 'loading',
      checkpoint: this.cursor.after,
      eventsApplied: this.applied,
      lag: this.enabled ? await this.store.countAfter(this.cursor.after, LAG_CAP) : 0,
      lastError: this.lastError,
      actors: this.index.actorCount,
      versions: this.index.versions,
      jsonBytes: this.index.jsonBytes,
      loadMs: this.loadMs,
    };
  }

  private async load(): Promise<void> {
    const started = Date.now();
    while (!this.stopped) {
      try {
        await loadStanceIndex(
          this.store,
          this.index,
          this.cursor,
          ({ read }) => {
            this.applied += read;
          },
          () => this.stopped,
        );
        this.lastError = null;
        break;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn(`loading: ${this.lastError}; retrying`);
        await this.retry.wait(RETRY_MS);
      }
    }
    if (this.stopped) return;
    this.index.compact();
    this.loaded = true;
    this.loadMs = Date.now() - started;
    this.logger.log(
      `loaded ${this.applied} events (${this.index.versions} versions, ${this.index.actorCount} actors) in ${this.loadMs} ms`,
    );
    this.subscription = this.store.subscribe({
      after: this.cursor.after,
      batchSize: PAGE,
      pollMs: this.config.env.PROJECTION_POLL_MS,
      onEvents: async (events) => this.apply(events),
      onError: (error) => {
        this.lastError = error instanceof Error ? error.message : String(error);
      },
    });
  }

  /**
   * Applies a batch the subscription hands over, moving the cursor past each event applied: when one throws, the
   * subscription hands the batch over again, and the events before it, already applied, are skipped.
   */
  private apply(events: RecordedEvent[]): void {
    // What was applied before is a prefix of the batch: the positions are compared only until it ends.
    let from = 0;
    while (from < events.length && comparePositions(events[from].position, this.cursor.after) <= 0) from++;
    for (let at = from; at < events.length; at++) {
      const event = events[at];
      if (isPositionEvent(event)) this.index.apply(event as unknown as PositionEvent, event.revision);
      this.cursor.after = event.position;
      this.applied += 1;
    }
  }
}
