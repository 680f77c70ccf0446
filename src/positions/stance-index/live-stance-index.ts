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
 * Reads the log's position events after `after` into `index`, to the log's end (readLog: the next page read while this
 * one is applied), and tells `onPage` of each page applied. The service loads its index so at boot; the bench
 * measures this.
 */
export const loadStanceIndex = (
  store: EventStore,
  index: StanceIndex,
  after: string | null,
  onPage: (page: ReadAllOfResult) => void,
  stopped?: () => boolean,
): Promise<void> =>
  readLog(
    (from, limit) => store.readAllOf(from, limit, POSITION_EVENT_TYPES),
    after,
    PAGE,
    (page) => {
      for (const event of page.events) index.apply(event as unknown as PositionEvent, event.revision);
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
  private cursor: string | null = null;
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
    return this.loaded ? this.cursor : undefined;
  }

  async status(): Promise<LocalReadModelStatus> {
    return {
      name: this.name,
      state: !this.enabled ? 'disabled' : this.loaded ? 'ready' : 'loading',
      checkpoint: this.cursor,
      eventsApplied: this.applied,
      lag: this.enabled ? await this.store.countAfter(this.cursor, LAG_CAP) : 0,
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
          ({ read, next }) => {
            if (read > 0) this.cursor = next;
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
      after: this.cursor,
      batchSize: PAGE,
      pollMs: this.config.env.PROJECTION_POLL_MS,
      onEvents: async (events) => this.apply(events),
      onError: (error) => {
        this.lastError = error instanceof Error ? error.message : String(error);
      },
    });
  }

  private apply(events: RecordedEvent[]): void {
    for (const event of events) {
      if (isPositionEvent(event)) this.index.apply(event as unknown as PositionEvent, event.revision);
    }
    if (events.length > 0) this.cursor = events[events.length - 1].position;
    this.applied += events.length;
  }
}
