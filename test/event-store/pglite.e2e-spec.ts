import { SystemClock } from '../../src/infrastructure/clock';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres-event-store';
import { openTestDatabase } from '../support/databases';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('PGlite', async (upcasters) => {
  const database = await openTestDatabase('pglite');
  return { store: new PostgresEventStore(database.sql, new SystemClock(), upcasters), close: database.close };
});
