import { Injectable } from '@nestjs/common';
import { type PositionEvent, stanceTimelineProjection } from '@domain/positions';
import { handledBy } from '@domain/shared/projection';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../../infrastructure/read-models/projection';
import { type StanceTimelineRow, toTimelineVersion } from './stance-timeline.row';
import { stanceTimelineTable, type StoredVersion } from './stance-timeline.table';

/** `versionId`: of the stored row, null until written. */
type Pending = StoredVersion & { versionId: string | null };

/** Writes each version of each position with its record-time validity; the fold itself is the domain's. */
@Injectable()
export class StanceTimelineProjector extends Projection {
  readonly name = stanceTimelineProjection.name;
  readonly tables = [stanceTimelineTable.name];

  handles(event: RecordedEvent): boolean {
    return handledBy(stanceTimelineProjection, event);
  }

  async apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    const table = tables[stanceTimelineTable.name];
    const positionIds = [...new Set(events.map((event) => (event.data as PositionEvent['data']).positionId))];
    const stored = await tx.query<StanceTimelineRow>(
      `SELECT * FROM ${table} WHERE position_id = ANY($1::text[]) AND recorded_to IS NULL`,
      [positionIds],
    );
    const current = new Map<string, Pending>(
      stored.map((row) => [
        row.position_id,
        {
          ...toTimelineVersion(row),
          versionId: String(row.version_id),
          recordedTo: null,
          revision: String(row.revision),
        },
      ]),
    );
    const closed: { versionId: string; recordedTo: string }[] = [];
    const inserted: Pending[] = [];
    for (const recorded of events) {
      const event = recorded as unknown as PositionEvent;
      const before = current.get(event.data.positionId) ?? null;
      const next = stanceTimelineProjection.evolve(before, event, recorded.revision);
      if (!next) continue;
      if (before) {
        if (before.versionId) closed.push({ versionId: before.versionId, recordedTo: event.data.recordedAt });
        else before.recordedTo = event.data.recordedAt;
      }
      const pending: Pending = { ...next, versionId: null, recordedTo: null, revision: recorded.revision };
      inserted.push(pending);
      current.set(event.data.positionId, pending);
    }
    if (closed.length > 0) {
      await tx.query(
        `UPDATE ${table} AS t SET recorded_to = c.recorded_to
         FROM unnest($1::bigint[], $2::timestamptz[]) AS c(version_id, recorded_to) WHERE t.version_id = c.version_id`,
        [closed.map((row) => row.versionId), closed.map((row) => row.recordedTo)],
      );
    }
    // COPY: a page's versions as one JSON parameter cost the server about 50 µs a row to parse.
    await tx.copyInto(table, stanceTimelineTable.written, inserted.map(stanceTimelineTable.encode));
  }
}
