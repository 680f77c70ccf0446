import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  type AsOf,
  isPositionEvent,
  POSITION_EVENT_TYPES,
  type PositionEvent,
  type StanceInForce,
} from '@domain/positions';
import { AppConfig } from '../../config/app-config';
import { SqlClient } from '../../infrastructure/database/sql-client';
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
import { EVENT_UPCASTERS } from '../../infrastructure/event-store/event-upcasters';
import { ProjectionRunner } from '../../infrastructure/read-models/projection-runner';
import { StanceIndex } from './stance-index';
import { stanceIndexImageFormat, StanceIndexSnapshots } from './stance-index-snapshots';

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
 * The index in the stored image of `format`, and the log position it stands at; null when none is stored. Throws
 * when the log no longer holds that position (a log begun again) or on bytes that are no such image.
 */
export const indexFromImage = async (
  store: EventStore,
  snapshots: StanceIndexSnapshots,
  format: string,
): Promise<{ index: StanceIndex; position: string; imageBytes: number } | null> => {
  const snapshot = await snapshots.read(format);
  if (snapshot === null) return null;
  if (!(await store.holdsPosition(snapshot.position)))
    throw new Error(`the log no longer holds the image's position ${snapshot.position}`);
  const index = StanceIndex.fromImage(snapshot.image);
  if (index.versions !== snapshot.versions)
    throw new Error(`stance index image: ${index.versions} versions, not ${snapshot.versions}`);
  return { index, position: snapshot.position, imageBytes: snapshot.image.byteLength };
};

/**
 * Puts each actor's rows next to each other once the log is read to its end: after a whole load, or after an image
 * followed by a long run of the log (an image keeps its rows in the order they had; a short run is left as it came).
 */
export const compactAfterLoad = (index: StanceIndex, fromImage: number): void => {
  if (index.versions - fromImage > fromImage / 4) index.compact();
};

/** The stored image this process booted from, or the last it stored. */
type SnapshotStatus = {
  position: string;
  versions: number;
  imageBytes: number;
  /** loaded: this process booted from it; stored: this process wrote it. */
  by: 'loaded' | 'stored';
  ms: number;
};

/**
 * This process's StanceIndex: loaded at boot from the stored image (when one of this code's format is there and the
 * log still holds its position) and the log after it, else from the whole log; then following the log, and storing
 * a new image once STANCE_INDEX_SNAPSHOT_AFTER versions (and a quarter of those it holds) have come since the last.
 * Until it has read the log to its end it answers nothing (null), and readers ask SQL instead.
 */
@Injectable()
export class LiveStanceIndex implements LocalReadModel, OnApplicationBootstrap, OnApplicationShutdown {
  readonly name = 'stance-index';
  private readonly logger = new Logger(LiveStanceIndex.name);
  private index = new StanceIndex();
  private readonly snapshots: StanceIndexSnapshots;
  private readonly format: string;
  /** Versions the index held at the image it booted from or last stored (or found stored further along). */
  private snapshotVersions = 0;
  private snapshot: SnapshotStatus | null = null;
  private snapshotError: string | null = null;
  private snapshotting: Promise<void> | null = null;
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
    sql: SqlClient,
  ) {
    projections.registerLocal(this);
    this.snapshots = new StanceIndexSnapshots(sql);
    this.format = stanceIndexImageFormat(store.engine, EVENT_UPCASTERS);
  }

  private get snapshotAfter(): number {
    return this.config.env.STANCE_INDEX_SNAPSHOT_AFTER;
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
    await this.snapshotting;
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

  async status(): Promise<LocalReadModelStatus & { snapshot: SnapshotStatus | null }> {
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
      snapshot: this.snapshot,
      snapshotError: this.snapshotError,
    };
  }

  private async load(): Promise<void> {
    const started = Date.now();
    await this.restore();
    const restored = this.index.versions;
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
    compactAfterLoad(this.index, restored);
    this.loaded = true;
    this.loadMs = Date.now() - started;
    this.logger.log(
      `loaded ${restored > 0 ? `an image of ${restored} versions and ` : ''}${this.applied} events of the log (${this.index.versions} versions, ${this.index.actorCount} actors) in ${this.loadMs} ms`,
    );
    this.snapshotIfDue();
    this.subscription = this.store.subscribe({
      after: this.cursor.after,
      batchSize: PAGE,
      pollMs: this.config.env.PROJECTION_POLL_MS,
      onEvents: async (events) => {
        this.apply(events);
        this.snapshotIfDue();
      },
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

  /**
   * Starts from the stored image of this code's format, when the log still holds its position; anything amiss with
   * it (none, another format, a log that no longer holds it, bytes that are no image) leaves the index empty, to load
   * from the whole log.
   */
  private async restore(): Promise<void> {
    if (this.snapshotAfter === 0) return;
    const started = Date.now();
    try {
      const loaded = await indexFromImage(this.store, this.snapshots, this.format);
      if (loaded === null) return;
      this.index = loaded.index;
      this.cursor.after = loaded.position;
      this.snapshotVersions = loaded.index.versions;
      this.snapshot = {
        position: loaded.position,
        versions: loaded.index.versions,
        imageBytes: loaded.imageBytes,
        by: 'loaded',
        ms: Date.now() - started,
      };
    } catch (error) {
      this.snapshotError = error instanceof Error ? error.message : String(error);
      this.logger.warn(`stored image not loaded (${this.snapshotError}): loading the whole log`);
    }
  }

  /** Stores an image, off the path of the batch that made it due, when enough versions have come since the last. */
  private snapshotIfDue(): void {
    const since = this.index.versions - this.snapshotVersions;
    if (this.snapshotAfter === 0 || this.snapshotting || this.stopped) return;
    if (since < this.snapshotAfter || since * 4 < this.index.versions) return;
    this.snapshotting = this.storeSnapshot().finally(() => {
      this.snapshotting = null;
    });
  }

  private async storeSnapshot(): Promise<void> {
    try {
      // Another process may have stored one as far along: then this one's image would not be kept.
      const stored = await this.snapshots.stored(this.format);
      const started = Date.now();
      // The image, its position and its versions taken at one moment (applying a batch is synchronous).
      const { versions } = this.index;
      const position = this.cursor.after;
      if (position === null || (stored && comparePositions(stored.position, position) >= 0)) {
        this.snapshotVersions = versions;
        return;
      }
      const image = this.index.image();
      const kept = await this.snapshots.write(this.format, { position, versions, image });
      this.snapshotVersions = versions;
      if (kept)
        this.snapshot = {
          position,
          versions,
          imageBytes: image.byteLength,
          by: 'stored',
          ms: Date.now() - started,
        };
      this.snapshotError = null;
    } catch (error) {
      // Tried again once as many versions more have come.
      this.snapshotVersions = this.index.versions;
      this.snapshotError = error instanceof Error ? error.message : String(error);
      this.logger.warn(`image not stored: ${this.snapshotError}`);
    }
  }
}
