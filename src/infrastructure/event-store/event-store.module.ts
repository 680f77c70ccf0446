import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../clock';
import { DatabaseModule } from '../database/database.module';
import { SqlClient } from '../database/sql-client';
import { DeciderRunner } from './decider-runner';
import { EventStore } from './event-store.port';
import { EVENT_UPCASTERS } from './event-upcasters';
import { PostgresEventStore } from './postgres-event-store';

@Global()
@Module({
  imports: [DatabaseModule],
  providers: [
    {
      provide: EventStore,
      inject: [SqlClient, Clock],
      useFactory: (sql: SqlClient, clock: Clock) => new PostgresEventStore(sql, clock, EVENT_UPCASTERS),
    },
    DeciderRunner,
  ],
  exports: [EventStore, DeciderRunner],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
