import { randomUUID } from 'node:crypto';
import { type PositionEvent, stanceAsOf } from '@domain/positions';
import { aRecordPosition, aSourceAdded, aWithdrawal, statedFrom } from '@domain/testing/position.builders';
import { eventually } from '../../../test/support/eventually';
import { openTestDatabase, type TestDatabase } from '../../../test/support/databases';
import { parseDurations, validateEnvironment } from '../../config/environment';
import { SystemClock } from '../../infrastructure/clock';
import { EVENT_UPCASTERS } from '../../infrastructure/event-store/event-upcasters';
import { PostgresEventStore } from '../../infrastructure/event-store/postgres-event-store';
import { ProjectionRunner } from '../../infrastructure/read-models/projection-runner';
import { LiveStanceIndex } from './live-stance-index';

jest.setTimeout(60_000);

const TRUMP = 'donald-trump';
const STARMER = 'keir-starmer';
const NOW = { at: new Date('2026-01-01T00:00:00.000Z'), knownAt: new Date('2026-01-01T00:00:00.000Z') };
const stated = (actorId: string, positionId: string, recordedAt: string): PositionEvent =>
  statedFrom(aRecordPosition({ actorId, positionId, recordedAt }));

// One page of the log (fewer events than the load's page), with an event the index rejects in its middle.
const trump = [
  stated(TRUMP, 'p-1', '2025-03-01T00:00:00.000Z'),
  stated(TRUMP, 'p-2', '2025-03-02T00:00:00.000Z'),
  aSourceAdded({ positionId: 'p-1', recordedAt: '2025-03-03T00:00:00.000Z' }),
];
const rejected = stated(STARMER, 'q-1', '2025-03-04T00:00:00.000Z');
const rejectedData = { ...rejected.data, stance: 'not-a-stance' };
const later = [
  aWithdrawal({ positionId: 'p-2', recordedAt: '2025-03-05T00:00:00.000Z' }),
  stated(STARMER, 'q-2', '2025-03-06T00:00:00.000Z'),
];

describe('LiveStanceIndex loading the log', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let live: LiveStanceIndex;
  // Events as the log holds them, a rejected one too (its stance no Stance).
  const append = (events: { type: string; data: { actorId: string; recordedAt: string } }[]) =>
    store.append(
      `actor-${events[0].data.actorId}`,
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { recordedBy: 'spec', correlationId: randomUUID(), causationId: randomUUID() },
      })),
      { expectedRevision: 'any', recordedAt: new Date(events[0].data.recordedAt) },
    );

  beforeEach(async () => {
    database = await openTestDatabase('pglite');
    store = new PostgresEventStore(database.sql, new SystemClock(), EVENT_UPCASTERS);
    for (const event of [...trump, { ...rejected, data: rejectedData }, ...later]) await append([event]);
    const env = validateEnvironment({});
    const config = { env, durations: parseDurations(env) };
    live = new LiveStanceIndex(
      store,
      config,
      new ProjectionRunner([], store, database.sql, config),
      database.sql,
    );
  });

  afterEach(async () => {
    await live.onApplicationShutdown();
    await database.close();
  });

  it('applies none of the events before a rejected one twice, however often it retries the page', async () => {
    const reads = jest.spyOn(store, 'readAllOf');
    live.onApplicationBootstrap();
    await eventually(() => expect(reads.mock.calls.length).toBeGreaterThanOrEqual(3));
    await live.onApplicationShutdown();
    const status = await live.status();
    expect(status.lastError).toMatch(/unknown stance "not-a-stance"/);
    expect(status.versions).toBe(trump.length);
  });

  it('resumes in the page after the events it applied once the rejected event is repaired', async () => {
    live.onApplicationBootstrap();
    await eventually(async () => expect((await live.status()).lastError).toMatch(/unknown stance/));
    await database.sql.query(`UPDATE events SET data = $1::jsonb WHERE data->>'stance' = 'not-a-stance'`, [
      JSON.stringify(rejected.data),
    ]);
    await eventually(async () => expect((await live.status()).state).toBe('ready'));
    const starmer = [rejected, later[1]];
    expect((await live.status()).versions).toBe(trump.length + 1 + later.length);
    expect(live.stancesOf(TRUMP, NOW)).toEqual(stanceAsOf([...trump, later[0]], NOW));
    expect(live.stancesOf(STARMER, NOW)).toEqual(stanceAsOf(starmer, NOW));
    expect(live.stancesOf(STARMER, NOW)).toHaveLength(1);
  });

  it('following the log, applies none of a batch’s events before a rejected one twice', async () => {
    const repair = () =>
      database.sql.query(`UPDATE events SET data = $1::jsonb WHERE data->>'stance' = 'not-a-stance'`, [
        JSON.stringify(rejected.data),
      ]);
    await repair();
    live.onApplicationBootstrap();
    await eventually(async () => expect((await live.status()).state).toBe('ready'));
    const loaded = Number((await live.status()).versions);
    // One append, so one batch for the subscription: two statements, then one the index rejects.
    const macron = [
      stated('emmanuel-macron', 'm-1', '2025-03-07T00:00:00.000Z'),
      stated('emmanuel-macron', 'm-2', '2025-03-07T00:00:00.000Z'),
      stated('emmanuel-macron', 'm-3', '2025-03-07T00:00:00.000Z'),
    ];
    await append([macron[0], macron[1], { ...macron[2], data: rejectedData }]);
    await eventually(async () => expect((await live.status()).lastError).toMatch(/unknown stance/));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await live.status()).versions).toBe(loaded + 2);
    await database.sql.query(`UPDATE events SET data = $1::jsonb WHERE data->>'stance' = 'not-a-stance'`, [
      JSON.stringify(macron[2].data),
    ]);
    await eventually(async () => expect((await live.status()).versions).toBe(loaded + 3));
    expect(live.stancesOf('emmanuel-macron', NOW)).toEqual(stanceAsOf(macron, NOW));
  });
});

describe('LiveStanceIndex booting from a stored image', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const running: LiveStanceIndex[] = [];
  const env = validateEnvironment({ STANCE_INDEX_SNAPSHOT_AFTER: '4' });
  const config = { env, durations: parseDurations(env) };
  const boot = async (): Promise<LiveStanceIndex> => {
    const live = new LiveStanceIndex(
      store,
      config,
      new ProjectionRunner([], store, database.sql, config),
      database.sql,
    );
    running.push(live);
    live.onApplicationBootstrap();
    await eventually(async () => expect((await live.status()).state).toBe('ready'));
    return live;
  };
  const statements = (actorId: string, from: number, count: number) =>
    Array.from({ length: count }, (_, n) =>
      stated(actorId, `${actorId}-${from + n}`, new Date(Date.UTC(2025, 2, from + n)).toISOString()),
    );
  const append = (events: PositionEvent[]) =>
    store.append(
      `actor-${events[0].data.actorId}`,
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { recordedBy: 'spec', correlationId: randomUUID(), causationId: randomUUID() },
      })),
      { expectedRevision: 'any', recordedAt: new Date(events[0].data.recordedAt) },
    );
  const first = [...statements(TRUMP, 1, 6), ...statements(STARMER, 1, 4)];
  const more = statements(TRUMP, 7, 3);

  beforeEach(async () => {
    database = await openTestDatabase('pglite');
    store = new PostgresEventStore(database.sql, new SystemClock(), EVENT_UPCASTERS);
    for (const event of first) await append([event]);
  });

  afterEach(async () => {
    for (const live of running.splice(0)) await live.onApplicationShutdown();
    await database.close();
  });

  const answersAsTheLog = (live: LiveStanceIndex) => {
    const all = [...first, ...more];
    for (const actorId of [TRUMP, STARMER]) {
      const own = all.filter((event) => event.data.actorId === actorId);
      expect(live.stancesOf(actorId, NOW)).toEqual(stanceAsOf(own, NOW));
    }
  };

  it('stores an image once enough versions have come; the next process loads it and only the log after it', async () => {
    const writer = await boot();
    await eventually(async () =>
      expect((await writer.status()).snapshot).toMatchObject({ by: 'stored', versions: first.length }),
    );
    for (const event of more) await append([event]);
    const booted = await boot();
    const status = await booted.status();
    expect(status.snapshot).toMatchObject({ by: 'loaded', versions: first.length });
    expect(status.eventsApplied).toBe(more.length);
    expect(status.versions).toBe(first.length + more.length);
    answersAsTheLog(booted);
    await eventually(() => answersAsTheLog(writer));
  });

  it('loads the whole log when the log no longer holds the image’s position', async () => {
    await eventually(async () =>
      expect((await (await boot()).status()).snapshot).toMatchObject({ by: 'stored' }),
    );
    for (const event of more) await append([event]);
    await database.sql.query(`UPDATE stance_index_snapshots SET log_position = '999999999.1'`);
    const booted = await boot();
    const status = await booted.status();
    expect(status.eventsApplied).toBe(first.length + more.length);
    expect(status.snapshot?.by).not.toBe('loaded');
    answersAsTheLog(booted);
  });

  it('loads the whole log from an image that is no image, and stores a good one in its place', async () => {
    await eventually(async () =>
      expect((await (await boot()).status()).snapshot).toMatchObject({ by: 'stored' }),
    );
    for (const event of more) await append([event]);
    await database.sql.query(`UPDATE stance_index_snapshot_parts SET bytes = '\\x0100'::bytea`);
    const booted = await boot();
    const status = await booted.status();
    expect(status.snapshot?.by).not.toBe('loaded');
    expect(status.eventsApplied).toBe(first.length + more.length);
    answersAsTheLog(booted);
    await eventually(async () =>
      expect((await booted.status()).snapshot).toMatchObject({
        by: 'stored',
        versions: first.length + more.length,
      }),
    );
    const again = await boot();
    expect((await again.status()).snapshot).toMatchObject({
      by: 'loaded',
      versions: first.length + more.length,
    });
    answersAsTheLog(again);
  });
});
