import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventStore } from '../event-store/event-store.port';
import { comparePositions } from '../event-store/log-position';

type Scope = { position: string | null };

const scopes = new AsyncLocalStorage<Scope>();

/** Runs `work` in a scope that notes the log position of the last event any append inside it stores. */
export const inAppendScope = <T>(work: (scope: Scope) => T): T => {
  const scope: Scope = { position: null };
  return scopes.run(scope, () => work(scope));
};

/**
 * The store, its appends noting their events' positions in the scope they run in (a write request's), so the
 * request can answer with them. Outside the store: the write path stays as it is, whatever the adapter.
 */
export const notingAppendPositions = <Store extends EventStore>(store: Store): Store => {
  const append = store.append.bind(store);
  store.append = async (...args) => {
    const result = await append(...args);
    const scope = scopes.getStore();
    const last = result.events.at(-1)?.position ?? null;
    if (scope && last !== null && comparePositions(last, scope.position) > 0) scope.position = last;
    return result;
  };
  return store;
};
