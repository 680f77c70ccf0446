import { isMap, Map as PersistentMap } from 'immutable';
import type { SqlClient } from '../database/sql-client';

/** A decider's state after the event at `revision` (whose id is `lastEventId`) of one stream. */
export type DeciderSnapshot<State = unknown> = {
  state: State;
  revision: string;
  lastEventId: string;
  lastRecordedAt: string;
};

type SnapshotRow = {
  state: string;
  stream_revision: string;
  last_event_id: string;
  last_recorded_at: Date | string;
};

const MAP_TAG = '$persistentMap';

/** JSON, with the persistent maps of a state tagged so that they come back as maps. */
export const encodeState = (state: unknown): string =>
  JSON.stringify(state, function (this: Record<string, unknown>, key: string, value: unknown) {
    // `value` went through the map's toJSON already; the holder still has the map itself.
    const raw = this[key];
    return isMap(raw) ? { [MAP_TAG]: [...raw.entries()] } : value;
  });

export const decodeState = <State>(text: string): State =>
  JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && MAP_TAG in value) {
      return PersistentMap((value as Record<typeof MAP_TAG, [string, unknown][]>)[MAP_TAG]);
    }
    return value;
  }) as State;

/** Snapshots live in the read-model database, the same table for every event-store engine. */
export class DeciderSnapshots {
  constructor(private readonly sql: SqlClient) {}

  async read<State>(
    streamName: string,
    decider: string,
    stateVersion: string,
  ): Promise<DeciderSnapshot<State> | null> {
    const [row] = await this.sql.query<SnapshotRow>(
      `SELECT state, stream_revision::text, last_event_id, last_recorded_at FROM decider_snapshots
       WHERE stream_name = $1 AND decider = $2 AND state_version = $3`,
      [streamName, decider, stateVersion],
    );
    if (!row) return null;
    return {
      state: decodeState<State>(row.state),
      revision: row.stream_revision,
      lastEventId: row.last_event_id,
      lastRecordedAt: new Date(row.last_recorded_at).toISOString(),
    };
  }

  /** Keeps the later of two snapshots of the same version; one of another version is replaced. */
  async write(
    streamName: string,
    decider: string,
    stateVersion: string,
    snapshot: DeciderSnapshot,
  ): Promise<void> {
    await this.sql.query(
      `INSERT INTO decider_snapshots AS s
         (stream_name, decider, state_version, stream_revision, last_event_id, last_recorded_at, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (stream_name, decider) DO UPDATE SET
         state_version = excluded.state_version, stream_revision = excluded.stream_revision,
         last_event_id = excluded.last_event_id, last_recorded_at = excluded.last_recorded_at,
         state = excluded.state, written_at = now()
       WHERE s.state_version <> excluded.state_version OR s.stream_revision < excluded.stream_revision`,
      [
        streamName,
        decider,
        stateVersion,
        snapshot.revision,
        snapshot.lastEventId,
        snapshot.lastRecordedAt,
        encodeState(snapshot.state),
      ],
    );
  }
}
