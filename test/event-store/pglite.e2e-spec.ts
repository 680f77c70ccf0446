import { SystemClock } from '../../src/infrastructure/clock';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres-event-store';
import { openTestDatabase } from '../support/databases';
import { deciderRunnerContract } from './decider-runner.contract';
import { eventStoreContract, type StoreFactory } from './event-store.contract';

const open: StoreFactory = async (upcasters) => {
  const database = await openTestDatabase('pglite');
  return {
    store: new PostgresEventStore(database.sql, new SystemClock(), upcasters),
    sql: database.sql,
    reopen: async (others) => new PostgresEventStore(database.sql, new SystemClock(), others),
    close: database.close,
  };
};

eventStoreContract('PGlite', open);
deciderRunnerContract('PGlite', open);
