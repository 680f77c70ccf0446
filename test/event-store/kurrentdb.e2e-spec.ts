import { SystemClock } from '../../src/infrastructure/clock';
import { KurrentDbEventStore } from '../../src/infrastructure/event-store/kurrentdb-event-store';
import { skipReason } from '../support/databases';
import { eventStoreContract } from './event-store.contract';

/** A KurrentDB server to test against, e.g. kurrentdb://localhost:2113?tls=false (docker compose up kurrentdb). */
const KURRENTDB_URL = process.env.KURRENTDB_URL;

if (KURRENTDB_URL) {
  // Every contract test writes to fresh random streams, so a shared, non-empty server is fine.
  eventStoreContract('KurrentDB', async (upcasters) => {
    const store = new KurrentDbEventStore(KURRENTDB_URL, new SystemClock(), upcasters);
    return { store, close: () => store.close() };
  });
} else {
  skipReason('KurrentDB', 'KURRENTDB_URL');
  it.skip('KurrentDB event store contract (KURRENTDB_URL not set: no server here)', () => undefined);
}
