import { SystemClock } from '../../src/infrastructure/clock';
import type { EventStore } from '../../src/infrastructure/event-store/event-store.port';
import { KurrentDbEventStore } from '../../src/infrastructure/event-store/kurrentdb-event-store';
import { openTestDatabase, skipReason } from '../support/databases';
import { deciderRunnerContract } from './decider-runner.contract';
import { eventStoreContract, type StoreFactory } from './event-store.contract';

/** A KurrentDB server to test against, e.g. kurrentdb://localhost:2113?tls=false (docker compose up kurrentdb). */
const KURRENTDB_URL = process.env.KURRENTDB_URL;

// Every contract test writes to fresh random streams, so a shared, non-empty server is fine. The read models,
// decider snapshots among them, live in PostgreSQL beside KurrentDB: PGlite here.
const open: StoreFactory = async (upcasters) => {
  const url = KURRENTDB_URL as string;
  const database = await openTestDatabase('pglite');
  const stores: EventStore[] = [new KurrentDbEventStore(url, new SystemClock(), upcasters)];
  return {
    store: stores[0],
    sql: database.sql,
    reopen: async (others) => {
      stores.push(new KurrentDbEventStore(url, new SystemClock(), others));
      return stores[stores.length - 1];
    },
    close: async () => {
      await Promise.all(stores.map((store) => store.close()));
      await database.close();
    },
  };
};

if (KURRENTDB_URL) {
  eventStoreContract('KurrentDB', open);
  deciderRunnerContract('KurrentDB', open);
} else {
  skipReason('KurrentDB', 'KURRENTDB_URL');
  it.skip('KurrentDB event store contract (KURRENTDB_URL not set: no server here)', () => undefined);
}
