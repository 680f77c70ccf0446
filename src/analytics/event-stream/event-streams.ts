import { HttpException, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { AppConfig } from '../../config/app-config';
import { SqlClient } from '../../infrastructure/database/sql-client';
import {
  EventStore,
  type RecordedEvent,
  type Subscription,
} from '../../infrastructure/event-store/event-store.port';
import { comparePositions } from '../../infrastructure/event-store/log-position';
import { errorBody } from '../../infrastructure/http/error-body';
import { StreamClient } from './stream-client';
import { StanceTracker, type StreamFilter } from './stream-frames';

const PAGE = 1000;
const HEARTBEAT_MS = 15_000;
/** With no client left, the follower stops after this long (a client arriving meanwhile keeps it). */
const LINGER_MS = 60_000;
const MAX_TRACKED_ACTORS = 10_000;
const KEEP_ALIVE = Buffer.from(': keep-alive\n\n');

type Follower = { subscription: Subscription; heartbeat: NodeJS.Timeout };

export type EventStreamsStatus = {
  open: number;
  catchingUp: number;
  limit: number;
  limitPerClient: number;
  /** The one follower of the log that feeds every live stream of this process. */
  follower: { running: boolean; cursor: string | null; eventsFramed: number; actorsTracked: number };
};

/**
 * Every Server-Sent Events stream of this process, fed by one follower of the log: each event is read, its stance
 * changes computed and its frames serialised once, then written to each live client its filters let through. A
 * client resuming from an older Last-Event-ID first catches up from the log on its own, then joins the follower
 * exactly where it stands. An idle client costs nothing but its socket and a keep-alive every 15 s.
 */
@Injectable()
export class EventStreams implements OnModuleDestroy {
  private readonly logger = new Logger('EventStreams');
  private readonly clients = new Set<StreamClient>();
  private readonly live = new Set<StreamClient>();
  /** Live clients by actor filter ('' for those without one): events of an actor nobody follows are not framed. */
  private readonly watching = new Map<string, number>();
  private readonly admitted = new Map<string, number>();
  private admittedTotal = 0;
  private tracker: StanceTracker;
  /** The last event handed to the live clients. */
  private cursor: string | null = null;
  private follower: Promise<Follower> | null = null;
  private linger: NodeJS.Timeout | null = null;
  private framed = 0;
  /** Bumped when a follower starts or stops: a stopping follower's last batch is dropped, not delivered. */
  private generation = 0;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly config: AppConfig,
  ) {
    this.tracker = new StanceTracker(store, MAX_TRACKED_ACTORS);
  }

  status(): EventStreamsStatus {
    return {
      open: this.clients.size,
      catchingUp: this.clients.size - this.live.size,
      limit: this.config.env.SSE_MAX_STREAMS,
      limitPerClient: this.config.env.SSE_MAX_STREAMS_PER_CLIENT,
      follower: {
        running: this.follower !== null,
        cursor: this.cursor,
        eventsFramed: this.framed,
        actorsTracked: this.tracker.size,
      },
    };
  }

  /** Takes a place for a stream of `client` (an API key or an address), or refuses with 503 or 429. */
  admit(client: string): () => void {
    const { SSE_MAX_STREAMS, SSE_MAX_STREAMS_PER_CLIENT } = this.config.env;
    if (this.admittedTotal >= SSE_MAX_STREAMS) {
      throw new HttpException(
        errorBody(
          'STREAM.CAPACITY_REACHED',
          `This server holds ${SSE_MAX_STREAMS} event streams, its limit (SSE_MAX_STREAMS); try again later.`,
          { limit: SSE_MAX_STREAMS },
        ),
        503,
      );
    }
    const held = this.admitted.get(client) ?? 0;
    if (held >= SSE_MAX_STREAMS_PER_CLIENT) {
      throw new HttpException(
        errorBody(
          'STREAM.TOO_MANY_FOR_CLIENT',
          `This client already holds ${held} event streams, the limit per key or address (SSE_MAX_STREAMS_PER_CLIENT); close one, or filter one stream less.`,
          { limit: SSE_MAX_STREAMS_PER_CLIENT },
        ),
        429,
      );
    }
    this.admittedTotal += 1;
    this.admitted.set(client, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.admittedTotal -= 1;
      const left = (this.admitted.get(client) ?? 1) - 1;
      if (left === 0) this.admitted.delete(client);
      else this.admitted.set(client, left);
    };
  }

  /** Fails (InvalidCursorError: a 400 naming the cursor) before anything is streamed when the cursor is not one of ours. */
  async check(cursor: string): Promise<void> {
    await this.store.readAll(cursor, 1);
  }

  /** Starts the shared follower if it is not running: from the end of the log. */
  async ready(): Promise<void> {
    if (this.linger) clearTimeout(this.linger);
    this.linger = null;
    this.follower ??= this.follow().catch((error: unknown) => {
      this.follower = null;
      throw error;
    });
    await this.follower;
  }

  /**
   * Streams to `response` (its headers sent) from `resumeFrom`, or from the end of the log. Call `ready()` first,
   * in the same request: the end of the log is where the follower stands.
   */
  open(resumeFrom: string | undefined, filter: StreamFilter, response: ServerResponse): StreamClient {
    const client = new StreamClient(filter, response);
    this.clients.add(client);
    client.onClose(() => this.drop(client));
    const after = resumeFrom ?? this.cursor;
    client.write(`retry: 2000\n: connected after ${after ?? 'the start'}\n\n`);
    if (resumeFrom === undefined) this.join(client, this.cursor);
    else
      void this.catchUp(client, resumeFrom).catch((error: unknown) => {
        this.logger.warn(
          `a stream catching up failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        client.end();
      });
    return client;
  }

  async onModuleDestroy(): Promise<void> {
    this.clients.forEach((client) => client.end());
    await this.stop();
  }

  /** Reads the log from the client's cursor with a tracker of its own until it reaches the follower, then joins it. */
  private async catchUp(client: StreamClient, from: string): Promise<void> {
    const tracker = new StanceTracker(this.store, MAX_TRACKED_ACTORS);
    let cursor: string | null = from;
    while (!client.closed) {
      // No await between this comparison and the join: the follower cannot move in between.
      if (comparePositions(this.cursor, cursor) <= 0) return this.join(client, cursor);
      const page = await this.store.readAll(cursor, PAGE);
      if (page.events.length === 0) return this.join(client, cursor);
      for (const event of page.events) {
        if (client.filter.actorId && (event.data as { actorId?: string }).actorId !== client.filter.actorId)
          continue;
        await client.send((await tracker.frame(event)).for(client.filter));
      }
      cursor = page.next;
    }
  }

  private join(client: StreamClient, sentUpTo: string | null): void {
    if (client.closed) return;
    client.goLive(sentUpTo);
    this.live.add(client);
    const key = client.filter.actorId ?? '';
    this.watching.set(key, (this.watching.get(key) ?? 0) + 1);
  }

  private drop(client: StreamClient): void {
    this.clients.delete(client);
    if (this.live.delete(client)) {
      const key = client.filter.actorId ?? '';
      const left = (this.watching.get(key) ?? 1) - 1;
      if (left === 0) this.watching.delete(key);
      else this.watching.set(key, left);
    }
    if (this.clients.size === 0 && this.follower && !this.linger)
      this.linger = setTimeout(() => void this.stop(), LINGER_MS).unref();
  }

  private async follow(): Promise<Follower> {
    const generation = ++this.generation;
    this.cursor = await this.head();
    this.tracker = new StanceTracker(this.store, MAX_TRACKED_ACTORS);
    const subscription = this.store.subscribe({
      after: this.cursor,
      batchSize: PAGE,
      pollMs: this.config.env.PROJECTION_POLL_MS,
      onEvents: async (events) => {
        if (generation === this.generation) await this.dispatch(events);
      },
      onError: (error) =>
        this.logger.warn(`following the log: ${error instanceof Error ? error.message : String(error)}`),
    });
    const heartbeat = setInterval(
      () => this.clients.forEach((client) => client.write(KEEP_ALIVE)),
      HEARTBEAT_MS,
    ).unref();
    return { subscription, heartbeat };
  }

  private async stop(): Promise<void> {
    if (this.linger) clearTimeout(this.linger);
    this.linger = null;
    this.generation += 1;
    const stopping = this.follower;
    this.follower = null;
    const follower = await stopping?.catch(() => null);
    if (!follower) return;
    clearInterval(follower.heartbeat);
    await follower.subscription.stop();
  }

  private async dispatch(events: RecordedEvent[]): Promise<void> {
    for (const event of events) {
      // A batch read again after a failure: what was handed out already is skipped.
      if (comparePositions(event.position, this.cursor) <= 0) continue;
      const actorId = (event.data as { actorId?: string }).actorId;
      if (actorId && !this.watching.has('') && !this.watching.has(actorId)) {
        // Nobody follows this actor: nothing to frame, and its tracked positions would go stale.
        this.tracker.forget(actorId);
      } else if (this.live.size > 0) {
        const frames = await this.tracker.frame(event);
        this.framed += 1;
        for (const client of this.live) client.deliver(frames);
      }
      this.cursor = event.position;
    }
  }

  /** The end of the log now: from a projection's checkpoint, read forward to the last event. */
  private async head(): Promise<string | null> {
    const [row] = await this.sql.query<{ checkpoint: string | null }>(
      `SELECT checkpoint FROM projection_checkpoints WHERE projection_name = 'stance-timeline'`,
    );
    let cursor = row?.checkpoint ?? null;
    for (;;) {
      const page = await this.store.readAll(cursor, PAGE);
      cursor = page.next;
      if (page.events.length < PAGE) return cursor;
    }
  }
}
