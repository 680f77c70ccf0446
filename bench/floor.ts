import type { SqlClient } from '../src/infrastructure/database/sql-client';
import { elapsedMs } from './stats';

/** The tables the projections fill per event; the others (catalogue, review queue) hold a row per actor or topic. */
export const FLOOR_TABLES = ['stance_timeline', 'webhook_messages', 'webhook_position_state'];

export type ServerFloor = {
  /** Per table: its rows, and the server's own insert of them with its indexes and with none, in ms. */
  tables: { table: string; rows: number; indexedMs: number; bareMs: number }[];
  /** All tables with their indexes, in ms. */
  indexedMs: number;
  /** Events of the log per second the server alone could store these rows at, on one server core. */
  eventsPerSec: number;
};

/**
 * The server's own share, with no Node work at all: the rows the projections stored, copied once more inside the
 * server (`INSERT ... SELECT`) into a table with the same indexes, and into one with none. No projection can store
 * its rows faster than this on this server, whatever its client does.
 */
export const measureServerFloor = async (sql: SqlClient, events: number): Promise<ServerFloor> => {
  const tables: ServerFloor['tables'] = [];
  for (const table of FLOOR_TABLES) {
    const times: number[] = [];
    for (const including of ['INCLUDING ALL', 'INCLUDING DEFAULTS']) {
      const twin = `${table}__floor`;
      await sql.exec(`DROP TABLE IF EXISTS ${twin}; CREATE TABLE ${twin} (LIKE ${table} ${including})`);
      const start = process.hrtime.bigint();
      await sql.exec(`INSERT INTO ${twin} SELECT * FROM ${table}`);
      times.push(elapsedMs(start));
      await sql.exec(`DROP TABLE ${twin}`);
    }
    const [{ count }] = await sql.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${table}`);
    tables.push({ table, rows: Number(count), indexedMs: times[0], bareMs: times[1] });
  }
  const indexedMs = tables.reduce((sum, table) => sum + table.indexedMs, 0);
  return { tables, indexedMs, eventsPerSec: (events / indexedMs) * 1000 };
};
