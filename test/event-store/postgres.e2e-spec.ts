import { SystemClock } from '../../src/infrastructure/clock';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres-event-store';
import { openTestDatabase, skipReason, TEST_DATABASE_URL } from '../support/databases';
import { deciderRunnerContract } from './decider-runner.contract';
import { eventStoreContract, type StoreFactory } from './event-store.contract';

const open: StoreFactory = async (upcasters) => {
  const database = await openTestDatabase('postgres');
  const store = new PostgresEventStore(database.sql, new SystemClock(), upcasters);
  return {
    store,
    sql: database.sql,
    reopen: async (others) => new PostgresEventStore(database.sql, new SystemClock(), others),
    close: async () => (await store.close(), await database.close()),
  };
};

if (TEST_DATABASE_URL) {
  eventStoreContract('PostgreSQL', open);
  deciderRunnerContract('PostgreSQL', open);
} else {
  skipReason('PostgreSQL', 'TEST_DATABASE_URL');
  it.skip('PostgreSQL event store contract (TEST_DATABASE_URL not set)', () => undefined);
}
