import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { EventStore, type Subscription } from '../../infrastructure/event-store/event-store.port';
import { StreamFrames, type StreamFilter } from './stream-frames';

const PAGE = 1000;
const HEARTBEAT_MS = 15_000;

export type StreamSink = {
  write: (chunk: string) => Promise<void>;
  end: () => void;
};

/** The open Server-Sent Events streams: each a catch-up subscription to the log from its cursor. */
@Injectable()
export class EventStreams implements OnModuleDestroy {
  private readonly open = new Set<() => Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly config: AppConfig,
  ) {}

  /** Fails (EVENT_STORE.INVALID_CURSOR, 400) before anything is streamed when the cursor is not one of ours. */
  async check(cursor: string): Promise<void> {
    await this.store.readAll(cursor, 1);
  }

  /** The end of the log now: from a projection's checkpoint, read forward to the last event. */
  async head(): Promise<string | null> {
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

  follow(after: string | null, filter: StreamFilter, sink: StreamSink): () => Promise<void> {
    const frames = new StreamFrames(this.store, filter);
    const heartbeat = setInterval(() => void sink.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const subscription: Subscription = this.store.subscribe({
      after,
      batchSize: 100,
      pollMs: this.config.env.PROJECTION_POLL_MS,
      onEvents: async (events) => {
        for (const event of events) {
          const chunk = await frames.framesFor(event);
          if (chunk) await sink.write(chunk);
        }
      },
    });
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(heartbeat);
      this.open.delete(stop);
      await subscription.stop();
      sink.end();
    };
    this.open.add(stop);
    return stop;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.open].map((stop) => stop()));
  }
}
