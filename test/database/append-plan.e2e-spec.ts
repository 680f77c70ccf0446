import { randomUUID } from 'node:crypto';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/databases';

const engines: ('pglite' | 'postgres')[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * append_events keeps its plans for the life of a connection (PL/pgSQL caches them). Planned on a small or
 * never-analyzed log, its lookup of the batch's ids chose a scan of the whole log and kept it as the log grew
 * (migration 0013 pins the index lookups). The scan counter of this transaction tells which plan ran.
 */
describe.each(engines)('append_events on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('finds the batch ids through the index on every call, never by scanning the log', async () => {
    const scans = await database.sql.transaction(async (tx) => {
      // The counters also hold what this connection did before and has not reported yet: count the difference.
      const counters = async () => {
        const [row] = await tx.query<{ seq_scan: string; idx_scan: string }>(
          `SELECT seq_scan::text, coalesce(idx_scan, 0)::text AS idx_scan FROM pg_stat_xact_user_tables
           WHERE relid = to_regclass('events')`,
        );
        return { seq: Number(row.seq_scan), index: Number(row.idx_scan) };
      };
      const before = await counters();
      for (let call = 0; call < 30; call++) {
        const events = Array.from({ length: 3 }, () => ({
          id: randomUUID(),
          type: 'PlanProbed',
          schemaVersion: 1,
          data: { call },
          metadata: {},
        }));
        const rows = await tx.query<{ r_outcome: string }>(
          'SELECT * FROM append_events($1, $2, $3::jsonb, $4)',
          [`plan-probe-${call}`, 'no-stream', JSON.stringify(events), new Date().toISOString()],
        );
        expect(rows.map((row) => row.r_outcome)).toEqual(['appended', 'appended', 'appended']);
      }
      const after = await counters();
      return { seq: after.seq - before.seq, index: after.index - before.index };
    });
    expect(scans.seq).toBe(0);
    expect(scans.index).toBeGreaterThanOrEqual(30);
  });
});
