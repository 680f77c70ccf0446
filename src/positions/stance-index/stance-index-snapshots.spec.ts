import { stanceAsOf } from '@domain/positions';
import { aRecordPosition, statedFrom } from '@domain/testing/position.builders';
import { describeIfPostgres, openTestDatabase, type TestDatabase } from '../../../test/support/databases';
import { StanceIndex } from './stance-index';
import { stanceIndexImageFormat, StanceIndexSnapshots } from './stance-index-snapshots';

jest.setTimeout(60_000);

const NOW = { at: new Date('2026-01-01T00:00:00.000Z'), knownAt: new Date('2026-01-01T00:00:00.000Z') };
const events = Array.from({ length: 40 }, (_, n) =>
  statedFrom(
    aRecordPosition({
      actorId: `actor-${n % 7}`,
      positionId: `p-${n}`,
      topicId: `topic.${n % 5}`,
      quote: `Words ${n} with a long enough tail to fill several small parts of the image ${'x'.repeat(n)}`,
      recordedAt: new Date(Date.UTC(2025, 0, 1 + n)).toISOString(),
    }),
  ),
);

const snapshotsOn = (engine: 'pglite' | 'postgres') => () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  it('gives back an image stored in many parts byte for byte, from which the index answers as it did', async () => {
    const index = new StanceIndex();
    events.forEach((event, revision) => index.apply(event, String(revision + 1)));
    const image = index.image();
    const snapshots = new StanceIndexSnapshots(database.sql, 1_000);
    expect(await snapshots.read('f')).toBeNull();
    expect(await snapshots.write('f', { position: '10.40', versions: index.versions, image })).toBe(true);
    const [{ parts }] = await database.sql.query<{ parts: number }>(
      'SELECT parts FROM stance_index_snapshots',
    );
    expect(parts).toBe(Math.ceil(image.byteLength / 1_000));
    const read = await snapshots.read('f');
    expect(read).toMatchObject({ position: '10.40', versions: events.length });
    expect(Buffer.from(read!.image).equals(Buffer.from(image))).toBe(true);
    const loaded = StanceIndex.fromImage(read!.image);
    for (let actor = 0; actor < 7; actor++) {
      const own = events.filter((event) => event.data.actorId === `actor-${actor}`);
      expect(loaded.stancesOf(`actor-${actor}`, NOW)).toEqual(stanceAsOf(own, NOW));
    }
  });

  it('keeps the image furthest along the log, and one image at a time whatever its format', async () => {
    const snapshots = new StanceIndexSnapshots(database.sql, 4);
    const image = (byte: number) => new Uint8Array(10).fill(byte);
    expect(await snapshots.write('f', { position: '5.5', versions: 5, image: image(5) })).toBe(true);
    expect(await snapshots.write('f', { position: '4.9', versions: 9, image: image(4) })).toBe(false);
    expect(await snapshots.write('f', { position: '5.5', versions: 5, image: image(6) })).toBe(false);
    expect((await snapshots.read('f'))?.image).toEqual(image(5));
    expect(await snapshots.write('f', { position: '12.1', versions: 12, image: image(12) })).toBe(true);
    expect(await snapshots.stored('f')).toEqual({ position: '12.1', versions: 12 });
    expect(await snapshots.write('g', { position: '1.1', versions: 1, image: image(1) })).toBe(true);
    expect(await snapshots.read('f')).toBeNull();
    const [{ count }] = await database.sql.query<{ count: string }>(
      'SELECT count(*)::text AS count FROM stance_index_snapshot_parts',
    );
    expect(count).toBe('3');
  });
};

describe('StanceIndexSnapshots on PGlite', snapshotsOn('pglite'));
describeIfPostgres('StanceIndexSnapshots on PostgreSQL', snapshotsOn('postgres'));

describe('stanceIndexImageFormat', () => {
  it('differs by engine and by the upcasters, which change the events the index is fed', () => {
    const upcast = { PositionStated: { current: 2, steps: { 1: (data: unknown) => data } } };
    const plain = stanceIndexImageFormat('postgres', {});
    expect(stanceIndexImageFormat('postgres', {})).toBe(plain);
    expect(stanceIndexImageFormat('kurrentdb', {})).not.toBe(plain);
    expect(stanceIndexImageFormat('postgres', upcast)).not.toBe(plain);
  });
});
