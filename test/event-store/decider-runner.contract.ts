import { Map as PersistentMap } from 'immutable';
import { randomUUID } from 'node:crypto';
import type { Decider } from '@domain/shared/decider';
import { DomainError } from '@domain/shared/domain-error';
import type { UpcastRegistry } from '@domain/shared/upcaster';
import { SystemClock } from '../../src/infrastructure/clock';
import { DeciderRunner, type WriteSettings } from '../../src/infrastructure/event-store/decider-runner';
import { DeciderSnapshots, decodeState } from '../../src/infrastructure/event-store/decider-snapshots';
import { ConcurrencyConflictError } from '../../src/infrastructure/event-store/event-store.errors';
import type { EventStore } from '../../src/infrastructure/event-store/event-store.port';
import type { OpenedStore, StoreFactory } from './event-store.contract';

class ItemTakenError extends DomainError {
  readonly code = 'CONTRACT.ITEM_TAKEN';
}

type Items = { items: PersistentMap<string, number> };
type AddItem = { type: 'AddItem'; data: { item: string } };
type ItemAdded = { type: 'ItemAdded'; data: { item?: string; name?: string; label?: string } };

/**
 * A decider with the actor decider's shape: a persistent map in its state, an invariant over the whole stream
 * (an item is added once), and a counter of the events it folds, which tells how much of a stream a write read.
 */
const itemsDecider = (
  options: { version?: number; field?: 'item' | 'name' | 'label'; schema?: boolean } = {},
) => {
  const field = options.field ?? 'item';
  const folded = { count: 0 };
  const decider: Decider<Items, AddItem, ItemAdded> = {
    decide: ({ data }, state) => {
      if (state.items.has(data.item)) throw new ItemTakenError(`${data.item} is taken`);
      return [{ type: 'ItemAdded', data: { [field]: data.item } }];
    },
    evolve: (state, { data }) => {
      folded.count += 1;
      return { items: state.items.set(String(data[field]), state.items.size) };
    },
    initialState: () => ({ items: PersistentMap() }),
    ...(options.schema === false
      ? {}
      : { stateSchema: { name: 'contract-items', version: options.version ?? 1 } }),
  };
  return { decider, folded };
};

const metadata = { recordedBy: 'contract-test', correlationId: 'c-1', causationId: 'c-1' };
const add = (item: string) => () => ({ type: 'AddItem' as const, data: { item } });
const stream = () => `runner-${randomUUID()}`;
const settings: WriteSettings = { retryDeadlineMs: 10_000, cacheEvents: 1_000_000, snapshotAfterEvents: 10 };

/** The decider runner on each engine: what a write reads, snapshots, retries, versions and replays. */
export const deciderRunnerContract = (engine: string, factory: StoreFactory) => {
  describe(`decider runner contract: ${engine}`, () => {
    let opened: OpenedStore;
    const runnerOn = (
      store: EventStore,
      overrides: Partial<WriteSettings> = {},
      upcasters: UpcastRegistry = {},
    ) =>
      new DeciderRunner(store, new SystemClock(), new DeciderSnapshots(opened.sql), upcasters, {
        ...settings,
        ...overrides,
      });
    const storedSnapshot = async (name: string) => {
      const [row] = await opened.sql.query<{ stream_revision: string; state: string; state_version: string }>(
        'SELECT stream_revision::text, state, state_version FROM decider_snapshots WHERE stream_name = $1',
        [name],
      );
      return row;
    };

    // Another process appends between each read of this runner and its append (the real store, a real race).
    const racedBy = (name: string, times: number, item: () => string = () => randomUUID()) => {
      let left = times;
      return new Proxy(opened.store, {
        get(target, property) {
          if (property === 'readStream') {
            return async (streamName: string, from?: string) => {
              const read = await target.readStream(streamName, from);
              if (left > 0) {
                left -= 1;
                const foreign = {
                  type: 'ItemAdded',
                  schemaVersion: 1,
                  data: { item: item() },
                  metadata,
                };
                await target.append(name, [{ id: randomUUID(), ...foreign }], { expectedRevision: 'any' });
              }
              return read;
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    beforeAll(async () => {
      opened = await factory();
    });
    afterAll(() => opened.close());

    it('folds only the events after the state it folded last, including other writers’ events', async () => {
      const name = stream();
      const { decider, folded } = itemsDecider({ schema: false });
      const mine = runnerOn(opened.store);
      const theirs = runnerOn(opened.store);
      for (let i = 0; i < 20; i++) await mine.run(decider, name, add(`a${i}`), { metadata });
      await theirs.run(decider, name, add('b'), { metadata });
      folded.count = 0;
      const result = await mine.run(decider, name, add('c'), { metadata });
      // The other writer's one event, then this write's own: not the 21 before it.
      expect(folded.count).toBe(2);
      expect(result.revision).toBe('21');
      expect([...result.state.items.keys()].sort()).toEqual(
        [...Array.from({ length: 20 }, (_, i) => `a${i}`), 'b', 'c'].sort(),
      );
      await expect(mine.run(decider, name, add('b'), { metadata })).rejects.toBeInstanceOf(ItemTakenError);
    });

    it('stores snapshots off the hot path and starts a cold process from the latest', async () => {
      const name = stream();
      const { decider, folded } = itemsDecider();
      const writer = runnerOn(opened.store);
      for (let i = 0; i < 95; i++) await writer.run(decider, name, add(`i${i}`), { metadata });
      await writer.flushSnapshots();
      const snapshot = await storedSnapshot(name);
      expect(Number(snapshot.stream_revision)).toBeGreaterThanOrEqual(69);
      // What was stored is the fold of the stream up to its revision.
      const replayed = itemsDecider();
      const upTo = await opened.store.readStream(name);
      const expected = upTo
        .slice(0, Number(snapshot.stream_revision) + 1)
        .reduce(
          (state, event) => replayed.decider.evolve(state, event as unknown as ItemAdded),
          replayed.decider.initialState(),
        );
      expect(decodeState<Items>(snapshot.state).items.equals(expected.items)).toBe(true);

      const cold = runnerOn(opened.store);
      folded.count = 0;
      const result = await cold.run(decider, name, add('last'), { metadata });
      expect(folded.count).toBe(95 - Number(snapshot.stream_revision));
      expect(result.state.items.size).toBe(96);
      await expect(cold.run(decider, name, add('i0'), { metadata })).rejects.toBeInstanceOf(ItemTakenError);
    });

    it('ignores a snapshot of another state version, and one whose stream no longer has its event', async () => {
      const name = stream();
      const first = itemsDecider({ version: 1 });
      const writer = runnerOn(opened.store);
      for (let i = 0; i < 12; i++) await writer.run(first.decider, name, add(`i${i}`), { metadata });
      await writer.flushSnapshots();
      expect(await storedSnapshot(name)).toMatchObject({ stream_revision: '9' });

      const second = itemsDecider({ version: 2 });
      const upgraded = runnerOn(opened.store);
      await upgraded.run(second.decider, name, add('v2'), { metadata });
      // Version 1's snapshot was not used: all 12 events folded again, then the write's own.
      expect(second.folded.count).toBe(13);
      await upgraded.flushSnapshots();

      // A snapshot whose event at its revision is another one (a store emptied and written again, say).
      const { state_version: stateVersion } = await storedSnapshot(name);
      expect(stateVersion.startsWith('2.')).toBe(true);
      await opened.sql.query('DELETE FROM decider_snapshots WHERE stream_name = $1', [name]);
      await new DeciderSnapshots(opened.sql).write(name, 'contract-items', stateVersion, {
        state: { items: PersistentMap([['not-in-the-stream', 0]]) },
        revision: '12',
        lastEventId: randomUUID(),
        lastRecordedAt: new Date().toISOString(),
      });
      const third = itemsDecider({ version: 2 });
      const result = await runnerOn(opened.store).run(third.decider, name, add('after'), { metadata });
      expect(third.folded.count).toBe(14);
      expect(result.state.items.has('not-in-the-stream')).toBe(false);
      expect(result.state.items.size).toBe(14);
    });

    it('lets 8 racing writers with caches and snapshots of their own all succeed, each item once', async () => {
      const name = stream();
      const { decider } = itemsDecider();
      const writers = Array.from({ length: 8 }, () => runnerOn(opened.store, { snapshotAfterEvents: 5 }));
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let i = 0; i < 10; i++) await writer.run(decider, name, add(`w${w}-${i}`), { metadata });
        }),
      );
      await Promise.all(writers.map((writer) => writer.flushSnapshots()));
      const events = await opened.store.readStream(name);
      expect(events).toHaveLength(80);
      expect(new Set(events.map((event) => (event.data as { item: string }).item)).size).toBe(80);
      const snapshot = await storedSnapshot(name);
      const fold = itemsDecider();
      const expected = events
        .slice(0, Number(snapshot.stream_revision) + 1)
        .reduce(
          (state, event) => fold.decider.evolve(state, event as unknown as ItemAdded),
          fold.decider.initialState(),
        );
      expect(decodeState<Items>(snapshot.state).items.equals(expected.items)).toBe(true);
    });

    it('retries a conflict on fresh state until its deadline, and never under an expected revision', async () => {
      const name = stream();
      const { decider } = itemsDecider();
      await runnerOn(opened.store).run(decider, name, add('a'), { metadata });
      await expect(
        runnerOn(racedBy(name, 1), { retryDeadlineMs: 0 }).run(decider, name, add('b'), { metadata }),
      ).rejects.toBeInstanceOf(ConcurrencyConflictError);
      await expect(
        runnerOn(racedBy(name, 1)).run(decider, name, add('c'), { metadata, expectedRevision: '1' }),
      ).rejects.toBeInstanceOf(ConcurrencyConflictError);
      const patient = await runnerOn(racedBy(name, 4)).run(decider, name, add('d'), { metadata });
      expect(patient).toMatchObject({ appended: true, revision: '7' });
      const items = (await opened.store.readStream(name)).map(
        (event) => (event.data as { item: string }).item,
      );
      expect(items.filter((item) => ['a', 'b', 'c', 'd'].includes(item))).toEqual(['a', 'd']);
    });

    it('decides under If-Match on the revision the caller saw, never on an older read', async () => {
      const name = stream();
      const { decider } = itemsDecider();
      await runnerOn(opened.store).run(decider, name, add('a'), { metadata });
      const runner = runnerOn(racedBy(name, 1, () => 'x'));
      // Another writer adds x between this runner's read and its append; the caller saw that write's revision.
      await expect(
        runner.run(decider, name, add('x'), { metadata, expectedRevision: '1' }),
      ).rejects.toBeInstanceOf(ConcurrencyConflictError);
      const items = (await opened.store.readStream(name)).map(
        (event) => (event.data as { item: string }).item,
      );
      expect(items).toEqual(['a', 'x']);
      await expect(runner.run(decider, name, add('x'), { metadata })).rejects.toBeInstanceOf(ItemTakenError);
    });

    it('answers a command carried out before with what it appended then, as a replay', async () => {
      const name = stream();
      const { decider } = itemsDecider();
      const runner = runnerOn(opened.store);
      const first = await runner.run(decider, name, add('once'), { metadata, commandId: `cmd-${name}` });
      await runner.run(decider, name, add('later'), { metadata });
      // A new process (no cache) retries the command, which the decider would now refuse.
      const retried = await runnerOn(opened.store).run(decider, name, add('once'), {
        metadata,
        commandId: `cmd-${name}`,
      });
      expect(retried).toMatchObject({ appended: false, replayed: true, revision: first.revision });
      expect(retried.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
      expect(retried.recordedAt).toBe(first.events[0].recordedAt);
      expect(await opened.store.readStream(name)).toHaveLength(2);
    });

    it('writes events at the upcasters’ current version, reads old and new right, and retires older snapshots', async () => {
      const name = stream();
      const v1 = itemsDecider({ field: 'name' });
      const before = runnerOn(opened.store, { snapshotAfterEvents: 1 });
      await before.run(v1.decider, name, add('old'), { metadata });
      await before.flushSnapshots();
      expect(await storedSnapshot(name)).toMatchObject({ stream_revision: '0' });

      const upcasters: UpcastRegistry = {
        ItemAdded: { current: 2, steps: { 1: (data) => ({ label: (data as { name: string }).name }) } },
      };
      const upcasting = await opened.reopen(upcasters);
      const v2 = itemsDecider({ field: 'label' });
      const after = runnerOn(upcasting, { snapshotAfterEvents: 1 }, upcasters);
      const result = await after.run(v2.decider, name, add('new'), { metadata });
      // The snapshot from before the upcaster was not used: the old event was folded again, as v2.
      expect(v2.folded.count).toBe(2);
      expect([...result.state.items.keys()].sort()).toEqual(['new', 'old']);
      expect(result.events[0]).toMatchObject({ schemaVersion: 2, data: { label: 'new' } });

      const read = await upcasting.readStream(name);
      expect(read.map((event) => [event.schemaVersion, event.data])).toEqual([
        [2, { label: 'old' }],
        [2, { label: 'new' }],
      ]);
      const raw = await (await opened.reopen({})).readStream(name);
      expect(raw.map((event) => [event.schemaVersion, event.data])).toEqual([
        [1, { name: 'old' }],
        [2, { label: 'new' }],
      ]);
      await after.flushSnapshots();
      expect(await storedSnapshot(name)).toMatchObject({ stream_revision: '1' });
      await expect(after.run(v2.decider, name, add('old'), { metadata })).rejects.toBeInstanceOf(
        ItemTakenError,
      );
    });
  });
};
