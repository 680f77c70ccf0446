import { randomUUID } from 'node:crypto';
import type { UpcastRegistry } from '@domain/shared/upcaster';
import type { SqlClient } from '../../src/infrastructure/database/sql-client';
import {
  ConcurrencyConflictError,
  DuplicateEventIdError,
} from '../../src/infrastructure/event-store/event-store.errors';
import type {
  EventStore,
  LoggedEvent,
  NewEvent,
  RecordedEvent,
} from '../../src/infrastructure/event-store/event-store.port';

export type OpenedStore = {
  store: EventStore;
  /** The read-model database beside the store (decider snapshots live there). */
  sql: SqlClient;
  /** Another store over the same events, with other upcasters: the same data as a later release reads it. */
  reopen: (upcasters: UpcastRegistry) => Promise<EventStore>;
  close: () => Promise<void>;
};

export type StoreFactory = (upcasters?: UpcastRegistry) => Promise<OpenedStore>;

const metadata = { recordedBy: 'contract-test', correlationId: 'c-1', causationId: 'c-1' };
const anEvent = (data: object = { n: 1 }, type = 'ThingHappened'): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata,
});
const stream = () => `contract-${randomUUID()}`;
/** The `i` of each of these events that belongs to the stream `name`, in order. */
const numbersIn = (name: string, events: RecordedEvent[]) =>
  events.filter((event) => event.streamName === name).map((event) => (event.data as { i: number }).i);

const readEverything = async (store: EventStore, after: string | null = null): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await store.readAll(cursor, 500);
    all.push(...page.events);
    if (page.events.length === 0) return all;
    cursor = page.next;
  }
};

/** One behaviour, every engine: each adapter's e2e-spec runs this suite (Emmett's features.ts pattern). */
export const eventStoreContract = (engine: string, factory: StoreFactory) => {
  describe(`event store contract: ${engine}`, () => {
    let store: EventStore;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, close } = await factory());
    });
    afterAll(() => close());

    it('appends and reads a stream back in revision order', async () => {
      const name = stream();
      const events = [anEvent({ n: 1 }), anEvent({ n: 2 }), anEvent({ n: 3 })];
      const result = await store.append(name, events, { expectedRevision: 'no-stream' });
      expect(result).toMatchObject({ appended: true, nextRevision: '2' });
      const read = await store.readStream(name);
      expect(read.map((event) => [event.id, event.revision, event.data])).toEqual(
        events.map((event, index) => [event.id, String(index), event.data]),
      );
      expect(read[0]).toMatchObject({ type: 'ThingHappened', schemaVersion: 1, metadata, streamName: name });
      expect(Number.isNaN(Date.parse(read[0].recordedAt))).toBe(false);
    });

    it('reads from a revision on', async () => {
      const name = stream();
      await store.append(name, [anEvent(), anEvent(), anEvent()], { expectedRevision: 'no-stream' });
      expect((await store.readStream(name, '1')).map((event) => event.revision)).toEqual(['1', '2']);
    });

    it('reads an empty list for a stream that does not exist', async () => {
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('refuses a stale expected revision, naming expected and actual', async () => {
      const name = stream();
      await store.append(name, [anEvent(), anEvent()], { expectedRevision: 'no-stream' });
      const stale = store.append(name, [anEvent()], { expectedRevision: '0' });
      await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflictError);
      await expect(store.append(name, [anEvent()], { expectedRevision: '0' })).rejects.toMatchObject({
        details: { stream: name, expectedRevision: '0', actualRevision: '1' },
      });
      expect(await store.readStream(name)).toHaveLength(2);
    });

    it('refuses no-stream on an existing stream and stream-exists on a missing one', async () => {
      const name = stream();
      await expect(
        store.append(name, [anEvent()], { expectedRevision: 'stream-exists' }),
      ).rejects.toBeInstanceOf(ConcurrencyConflictError);
      await store.append(name, [anEvent()], { expectedRevision: 'no-stream' });
      await expect(store.append(name, [anEvent()], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        ConcurrencyConflictError,
      );
      await expect(store.append(name, [anEvent()], { expectedRevision: 'any' })).resolves.toMatchObject({
        nextRevision: '1',
      });
    });

    it('lets exactly one of two racing appends at the same revision win', async () => {
      const name = stream();
      await store.append(name, [anEvent()], { expectedRevision: 'no-stream' });
      const results = await Promise.allSettled([
        store.append(name, [anEvent()], { expectedRevision: '0' }),
        store.append(name, [anEvent()], { expectedRevision: '0' }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((result) => result.status === 'rejected')[0]).toMatchObject({
        reason: expect.any(ConcurrencyConflictError),
      });
    });

    it('does not store an event id twice, and says the repeat appended nothing', async () => {
      const name = stream();
      const events = [anEvent(), anEvent()];
      await store.append(name, events, { expectedRevision: 'no-stream' });
      const repeat = await store.append(name, events, { expectedRevision: 'no-stream' });
      expect(repeat).toMatchObject({ appended: false, nextRevision: '1' });
      expect(repeat.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(await store.readStream(name)).toHaveLength(2);
    });

    it('refuses an append that repeats only some ids', async () => {
      const name = stream();
      const first = anEvent();
      await store.append(name, [first], { expectedRevision: 'no-stream' });
      await expect(
        store.append(name, [first, anEvent()], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream(name)).toHaveLength(1);
    });

    it('finds events by id within a stream only, in stream order', async () => {
      const name = stream();
      const other = stream();
      const events = [anEvent(), anEvent(), anEvent()];
      const elsewhere = anEvent();
      await store.append(name, events, { expectedRevision: 'no-stream' });
      await store.append(other, [elsewhere], { expectedRevision: 'no-stream' });
      const found = await store.readEventsById(name, [
        events[2].id,
        randomUUID(),
        elsewhere.id,
        events[0].id,
      ]);
      expect(found.map((event) => [event.id, event.revision])).toEqual([
        [events[0].id, '0'],
        [events[2].id, '2'],
      ]);
      expect(await store.readEventsById(stream(), [events[0].id])).toEqual([]);
    });

    it('keeps large and unicode events intact', async () => {
      const name = stream();
      const text = 'Sir Keir: “There’s one aggressor here” — Зеленський, 習近平, 🇺🇦 '.repeat(8_000);
      await store.append(name, [anEvent({ text })], { expectedRevision: 'no-stream' });
      const [read] = await store.readStream(name);
      expect((read.data as { text: string }).text).toBe(text);
      expect(text.length).toBeGreaterThan(500_000);
    });

    it('orders $all by commit and pages through it with cursors, each event once', async () => {
      const start = (await readEverything(store)).at(-1)?.position ?? null;
      const a = stream();
      const b = stream();
      await store.append(a, [anEvent({ i: 1 })], { expectedRevision: 'no-stream' });
      await store.append(b, [anEvent({ i: 2 }), anEvent({ i: 3 })], { expectedRevision: 'no-stream' });
      await store.append(a, [anEvent({ i: 4 })], { expectedRevision: '0' });
      const pages: RecordedEvent[] = [];
      let cursor = start;
      for (;;) {
        const page = await store.readAll(cursor, 1);
        if (page.events.length === 0) break;
        pages.push(...page.events);
        cursor = page.next;
      }
      expect(pages.map((event) => (event.data as { i: number }).i)).toEqual([1, 2, 3, 4]);
      expect(new Set(pages.map((event) => event.position)).size).toBe(4);
    });

    it('reads with readAllOf the pages readAll reads, handing over only the events of the types asked for', async () => {
      const start = (await readEverything(store)).at(-1)?.position ?? null;
      const name = stream();
      const text = 'Sir Keir: “There’s one aggressor here” — Зеленський, 習近平, 🇺🇦 \u0001 "\\ '.repeat(40);
      // Wanted and unwanted types in runs and alone, so that pages start and end on either.
      const types = ['Kept', 'Skipped', 'Skipped', 'Kept', 'Kept', 'Skipped', 'Also', 'Kept', 'Skipped'];
      await store.append(
        name,
        types.map((type, i) => anEvent({ i, text, nested: { list: [i, null, { deep: true }] } }, type)),
        { expectedRevision: 'no-stream' },
      );
      await store.append(name, [anEvent({ i: 9 }, 'Kept')], { expectedRevision: String(types.length - 1) });
      const logged = (event: LoggedEvent) => ({
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        revision: event.revision,
      });
      for (const limit of [1, 2, 3, 4, 500]) {
        for (let cursor = start; ;) {
          const page = await store.readAll(cursor, limit);
          const of = await store.readAllOf(cursor, limit, ['Kept', 'Also']);
          expect({ ...of, events: of.events.map(logged) }).toEqual({
            events: page.events.filter((event) => event.type !== 'Skipped').map(logged),
            read: page.events.length,
            next: page.next,
          });
          if (page.events.length === 0) break;
          cursor = page.next;
        }
      }
      const kept = [];
      for (let cursor = start; ;) {
        const page = await store.readAllOf(cursor, 2, ['Kept']);
        kept.push(...page.events.map((event) => (event.data as { i: number }).i));
        if (page.read < 2) break;
        cursor = page.next;
      }
      expect(kept).toEqual([0, 3, 4, 7, 9]);
    });

    it('holds the positions it gave its events and no other', async () => {
      const name = stream();
      await store.append(name, [anEvent({ i: 1 }), anEvent({ i: 2 })], { expectedRevision: 'no-stream' });
      const [first, second] = (await readEverything(store)).filter((event) => event.streamName === name);
      expect(await store.holdsPosition(first.position)).toBe(true);
      expect(await store.holdsPosition(second.position)).toBe(true);
      if (engine === 'KurrentDB') return;
      const [major, minor] = second.position.split('.');
      expect(await store.holdsPosition(`${major}.${BigInt(minor) + 1000n}`)).toBe(false);
      expect(await store.holdsPosition(`${BigInt(major) + 1000n}.${minor}`)).toBe(false);
    });

    it('subscribes from a checkpoint and follows new events', async () => {
      const checkpoint = (await readEverything(store)).at(-1)?.position ?? null;
      const name = stream();
      await store.append(name, [anEvent({ i: 1 })], { expectedRevision: 'no-stream' });
      const seen: number[] = [];
      const subscription = store.subscribe({
        after: checkpoint,
        batchSize: 10,
        pollMs: 20,
        onEvents: async (events) => {
          seen.push(...numbersIn(name, events));
        },
      });
      await store.append(name, [anEvent({ i: 2 }), anEvent({ i: 3 })], { expectedRevision: '0' });
      await waitFor(() => seen.length >= 3);
      await subscription.stop();
      expect(seen).toEqual([1, 2, 3]);
    });

    it('hands a failed batch over again, skipping and doubling nothing', async () => {
      const checkpoint = (await readEverything(store)).at(-1)?.position ?? null;
      const name = stream();
      await store.append(
        name,
        Array.from({ length: 35 }, (_, i) => anEvent({ i })),
        { expectedRevision: 'no-stream' },
      );
      const handed: number[] = [];
      let calls = 0;
      const subscription = store.subscribe({
        after: checkpoint,
        batchSize: 10,
        pollMs: 20,
        onEvents: async (events) => {
          calls += 1;
          // The second batch fails once: the subscription hands it over again, then goes on.
          if (calls === 2) throw new Error('this batch fails once');
          handed.push(...numbersIn(name, events));
        },
      });
      try {
        await waitFor(() => handed.length >= 35, 5_000);
      } finally {
        await subscription.stop();
      }
      expect(handed).toEqual(Array.from({ length: 35 }, (_, i) => i));
    });

    it('upcasts an old schema version on the read path', async () => {
      const upcasters: UpcastRegistry = {
        ThingRenamed: { current: 2, steps: { 1: (data) => ({ label: (data as { name: string }).name }) } },
      };
      const upcasting = await factory(upcasters);
      try {
        const name = stream();
        await upcasting.store.append(name, [anEvent({ name: 'old' }, 'ThingRenamed')], {
          expectedRevision: 'no-stream',
        });
        const [read] = await upcasting.store.readStream(name);
        expect(read).toMatchObject({ schemaVersion: 2, data: { label: 'old' } });
        const all = await readEverything(upcasting.store);
        const at = all.findIndex((event) => event.streamName === name);
        const of = await upcasting.store.readAllOf(at > 0 ? all[at - 1].position : null, 1, ['ThingRenamed']);
        expect(of.events).toMatchObject([
          { type: 'ThingRenamed', schemaVersion: 2, data: { label: 'old' }, revision: '0' },
        ]);
        // An append answers what it wrote, as written: only reads upcast.
        const written = await upcasting.store.append(name, [anEvent({ name: 'also old' }, 'ThingRenamed')], {
          expectedRevision: '0',
        });
        expect(written.events[0]).toMatchObject({ schemaVersion: 1, data: { name: 'also old' } });
      } finally {
        await upcasting.close();
      }
    });

    it('never lets a subscriber skip an event: 8 writers, 5,000 events in transactions of random size', async () => {
      const start = (await readEverything(store)).at(-1)?.position ?? null;
      const total = 5_000;
      const writers = 8;
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe({
        after: start,
        batchSize: 100,
        pollMs: 5,
        onEvents: async (events) => {
          seen.push(...events);
        },
      });
      let remaining = total;
      let seed = 42;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const expected = new Set<string>();
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          const name = `${stream()}-w${writer}`;
          while (remaining > 0) {
            const size = Math.min(remaining, 1 + Math.floor(random() * 40));
            remaining -= size;
            const batch = Array.from({ length: size }, () => anEvent({ writer }));
            batch.forEach((event) => expected.add(event.id));
            await store.append(name, batch, { expectedRevision: 'any' });
          }
        }),
      );
      await waitFor(() => seen.filter((event) => expected.has(event.id)).length >= total, 60_000);
      await subscription.stop();
      const ours = seen.filter((event) => expected.has(event.id));
      expect(ours).toHaveLength(total);
      expect(new Set(ours.map((event) => event.id)).size).toBe(total);
      const replayed = (await readEverything(store, start)).filter((event) => expected.has(event.id));
      expect(ours.map((event) => event.id)).toEqual(replayed.map((event) => event.id));
    });
  });
};

const waitFor = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
