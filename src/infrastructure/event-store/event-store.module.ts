import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../clock';
import { notingAppendPositions } from '../consistency/append-scope';
import { DatabaseModule } from '../database/database.module';
import { SqlClient } from '../database/sql-client';
import { DeciderRunner } from './decider-runner';
import { DeciderSnapshots } from './decider-snapshots';
import { EventStore } from './event-store.port';
import { EVENT_UPCASTERS } from './event-upcasters';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { PostgresEventStore } from './postgres-event-store';

@Global()
@Module({
  imports: [DatabaseModule],
  providers: [
    {
      provide: EventStore,
      inject: [AppConfig, SqlClient, Clock],
      useFactory: ({ env }: AppConfig, sql: SqlClient, clock: Clock) =>
        notingAppendPositions(
          env.EVENT_STORE === 'kurrentdb'
            ? new KurrentDbEventStore(env.KURRENTDB_URL as string, clock, EVENT_UPCASTERS)
            : new PostgresEventStore(sql, clock, EVENT_UPCASTERS),
        ),
    },
    {
      provide: DeciderRunner,
      inject: [AppConfig, EventStore, SqlClient, Clock],
      useFactory: ({ env, durations }: AppConfig, store: EventStore, sql: SqlClient, clock: Clock) =>
        new DeciderRunner(store, clock, new DeciderSnapshots(sql), EVENT_UPCASTERS, {
          retryDeadlineMs: durations.WRITE_RETRY_DEADLINE,
          cacheEvents: env.WRITE_STATE_CACHE_EVENTS,
          snapshotAfterEvents: env.SNAPSHOT_AFTER_EVENTS,
        }),
    },
  ],
  exports: [EventStore, DeciderRunner],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
