import { SystemClock } from '../../src/infrastructure/clock';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres-event-store';
import { openTestDatabase, skipReason, TEST_DATABASE_URL } from '../support/databases';
import { eventStoreContract } from './event-store.contract';

if (TEST_DATABASE_URL) {
  eventStoreContract('PostgreSQL', async (upcasters) => {
    const database = await openTestDatabase('postgres');
    const store = new PostgresEventStore(database.sql, new SystemClock(), upcasters);
    return { store, close: async () => (await store.close(), await database.close()) };
  });
} else {
  skipReason('PostgreSQL', 'TEST_DATABASE_URL');
  it.skip('PostgreSQL event store contract (TEST_DATABASE_URL not set)', () => undefined);
}
