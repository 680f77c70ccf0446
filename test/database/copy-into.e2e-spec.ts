import { STAGE_FROM_ROWS, withStagedRows } from '../../src/infrastructure/database/staged-copy';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/databases';

const engines: ('pglite' | 'postgres')[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const COLUMNS = ['id', 'label', 'note', 'flag', 'amount', 'at', 'doc', 'raw'] as const;

/** Values COPY's text format has to escape, or tell apart: each must come back as it went in. */
const TRICKY = [
  'tab\there',
  'line\nbreak and\r\ncarriage return',
  'back\\slash \\N \\t',
  '',
  '“curly” quotes, ‘single’, — dash, emoji 🇺🇦',
  '"double" and \'single\' quotes',
];

describe.each(engines)('copyInto on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.sql.exec(
      `CREATE TABLE copy_probe (id int PRIMARY KEY, label text NOT NULL, note text, flag boolean, amount double precision,
        at timestamptz, doc jsonb, raw json)`,
    );
  });
  afterAll(() => database.close());

  it('stores every value as given: escapes, empty strings apart from NULL, JSON, booleans, numbers and times', async () => {
    const rows = TRICKY.map((label, index) => [
      index,
      label,
      index % 2 === 0 ? null : label,
      index % 3 === 0,
      index === 1 ? -0.5 : index * 1.25,
      index === 2 ? new Date('2025-02-27T10:00:00.000Z') : '2025-02-26T00:00:00.000Z',
      { label, nested: [label, null, { backslash: '\\', quote: '"' }] },
      index === 3 ? null : [label],
    ]);
    await database.sql.transaction((tx) => tx.copyInto('copy_probe', COLUMNS, rows));
    const stored = await database.sql.query<Record<string, unknown>>(
      `SELECT id, label, note, flag, amount, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS at,
        doc, raw::text AS raw FROM copy_probe ORDER BY id`,
    );
    expect(stored).toEqual(
      rows.map(([id, label, note, flag, amount, at, doc, raw]) => ({
        id,
        label,
        note,
        flag,
        amount,
        at: (at instanceof Date ? at.toISOString() : (at as string)).slice(0, 19),
        doc,
        raw: raw === null ? null : JSON.stringify(raw),
      })),
    );
    expect(stored.find((row) => row.id === 3)?.label).toBe('');
    expect(stored.find((row) => row.id === 0)?.note).toBeNull();
  });

  it('writes nothing when a row is refused, and leaves the transaction to roll back', async () => {
    const before = await database.sql.query<{ count: string }>(
      'SELECT count(*)::text AS count FROM copy_probe',
    );
    await expect(
      database.sql.transaction((tx) =>
        tx.copyInto('copy_probe', COLUMNS, [
          [100, 'fresh', null, null, null, null, null, null],
          [0, 'a duplicate id', null, null, null, null, null, null],
        ]),
      ),
    ).rejects.toThrow(/duplicate key/);
    const after = await database.sql.query<{ count: string }>(
      'SELECT count(*)::text AS count FROM copy_probe',
    );
    expect(after).toEqual(before);
  });

  it.each([
    ['one JSON parameter', 1],
    ['a table staged by COPY', STAGE_FROM_ROWS],
  ])('feeds an insert that skips stored rows from %s, twice in one transaction', async (_how, size) => {
    const base = 1000 * size;
    const ids = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => base + from + index);
    const inserted = await database.sql.transaction(async (tx) => {
      const stage = (batch: number[]) =>
        withStagedRows<{ id: number }>(
          tx,
          'copy_probe',
          ['id', 'label', 'doc'],
          batch.map((id) => [id, `staged\t${id}`, { id, text: 'a\\b "c"' }]),
          (source) =>
            `INSERT INTO copy_probe (id, label, doc) SELECT id, label, doc FROM ${source}
               ON CONFLICT (id) DO NOTHING RETURNING id`,
        );
      // The first batch holds id 0, stored by the first test: it is skipped.
      const first = await stage([0, ...ids(0, size + 1)]);
      const second = await stage(ids(size, size + 1));
      return [first, second].map((rows) => rows.map((row) => row.id).sort((a, b) => a - b));
    });
    expect(inserted).toEqual([ids(0, size + 1), ids(size + 1, size)]);
    const [{ label }] = await database.sql.query<{ label: string }>(
      'SELECT label FROM copy_probe WHERE id = 0',
    );
    expect(label).toBe(TRICKY[0]);
    const [stored] = await database.sql.query<{ label: string; doc: unknown }>(
      'SELECT label, doc FROM copy_probe WHERE id = $1',
      [base + 1],
    );
    expect(stored).toEqual({ label: `staged\t${base + 1}`, doc: { id: base + 1, text: 'a\\b "c"' } });
  });

  it('refuses a number neither path could store as given, and writes nothing', async () => {
    await expect(
      database.sql.transaction((tx) =>
        tx.copyInto('copy_probe', ['id', 'label', 'amount'], [[300, 'nan', Number.NaN]]),
      ),
    ).rejects.toThrow(/not a finite number/);
    // A batch small enough to go as one JSON parameter, where NaN would otherwise become null.
    await expect(
      database.sql.transaction((tx) =>
        withStagedRows(
          tx,
          'copy_probe',
          ['id', 'label', 'amount'],
          [[301, 'nan', Number.NaN]],
          (source) => `INSERT INTO copy_probe (id, label, amount) SELECT id, label, amount FROM ${source}`,
        ),
      ),
    ).rejects.toThrow(/not a finite number/);
    expect(await database.sql.query('SELECT id FROM copy_probe WHERE id IN (300, 301)')).toEqual([]);
  });
});
