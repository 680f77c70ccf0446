import { reviewItemsTable } from '../../src/articles/review-queue/review-items.table';
import { col, table } from '../../src/infrastructure/read-models/table';
import { stanceTimelineTable } from '../../src/positions/stance-timeline/stance-timeline.table';
import { webhookPositionStateTable } from '../../src/webhooks/outbox/webhook-position-state.table';
import { openTestDatabase, type TestDatabase } from '../support/databases';

jest.setTimeout(60_000);

const TABLES = [stanceTimelineTable, webhookPositionStateTable, reviewItemsTable];

describe('read-model tables described once', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(() => database.close());

  it.each(TABLES.map((described) => [described.name, described] as const))(
    '%s: the description is the migrated table, column for column',
    async (name, described) => {
      const columns = await database.sql.query<{ name: string; type: string; nullable: boolean }>(
        `SELECT column_name AS name, data_type AS type, is_nullable = 'YES' AS nullable
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
         ORDER BY ordinal_position`,
        [name],
      );
      expect(
        Object.entries(described.columns).map(([column, { sqlType, nullable }]) => ({
          name: column,
          type: sqlType,
          nullable,
        })),
      ).toEqual(columns);
    },
  );

  it('writes each column from its own value, in the order of the column list', () => {
    const described = table<{ id: string; at: string; note: string | null }>('t')({
      id: col.text((row) => row.id),
      serial: col.identity(),
      at: col.timestamptz((row) => row.at),
      note: col.textOrNull((row) => row.note),
    });
    expect(described.written).toEqual(['id', 'at', 'note']);
    expect(described.encode({ id: 'a', at: '2025-01-01T00:00:00Z', note: null })).toEqual([
      'a',
      '2025-01-01T00:00:00Z',
      null,
    ]);
  });

  it('refuses, at compile time, a value of the wrong type for its column', () => {
    type Source = { id: string; score: number | null };
    const described = table<Source>('t')({
      // @ts-expect-error: a nullable number in a NOT NULL double column
      score: col.double((row) => row.score),
      // @ts-expect-error: a string in a double column
      id: col.double((row) => row.id),
      // @ts-expect-error: a field the source does not have
      other: col.text((row) => row.missing),
    });
    expect(described.written).toEqual(['score', 'id', 'other']);
  });
});
