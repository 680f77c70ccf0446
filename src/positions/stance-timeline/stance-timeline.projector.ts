import { Injectable } from '@nestjs/common';
import {
  evolveStanceTimeline,
  isPositionEvent,
  type PositionEvent,
  type TimelineVersion,
} from '@domain/positions';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../../infrastructure/read-models/projection';
import { type StanceTimelineRow, toTimelineVersion } from './stance-timeline.row';

/** `revision`: of the event that made the version, in the actor's stream. */
type Pending = TimelineVersion & { versionId: string | null; recordedTo: string | null; revision: string };

const COLUMNS = `actor_id text, topic_id text, position_id text, stance text, score double precision, conditions jsonb,
  summary text, quote text, evidence_type text, stated_at timestamptz, stated_at_precision text, confidence double precision,
  sources jsonb, withdrawn_at timestamptz, retracted boolean, change text, reason text, stated_revision bigint,
  first_recorded_at timestamptz, recorded_from timestamptz, recorded_to timestamptz, revision bigint`;
const NAMES = COLUMNS.split(',').map((column) => column.trim().split(' ')[0]);

const toRecord = (version: Pending) => ({
  actor_id: version.actorId,
  topic_id: version.topicId,
  position_id: version.positionId,
  stance: version.stance,
  score: version.score,
  conditions: version.conditions,
  summary: version.summary,
  quote: version.quote,
  evidence_type: version.evidenceType,
  stated_at: version.statedAt,
  stated_at_precision: version.statedAtPrecision,
  confidence: version.confidence,
  sources: version.sources,
  withdrawn_at: version.withdrawnAt,
  retracted: version.retracted,
  change: version.change,
  reason: version.reason,
  stated_revision: version.statedRevision,
  first_recorded_at: version.firstRecordedAt,
  recorded_from: version.recordedFrom,
  recorded_to: version.recordedTo,
  revision: version.revision,
});

/** Writes each version of each position with its record-time validity; the fold itself is the domain's. */
@Injectable()
export class StanceTimelineProjector extends Projection {
  readonly name = 'stance-timeline';
  readonly tables = ['stance_timeline'];

  handles(event: RecordedEvent): boolean {
    return isPositionEvent(event);
  }

  async apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    const table = tables.stance_timeline;
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
      const next = evolveStanceTimeline(before, event, recorded.revision);
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
    if (inserted.length > 0) {
      await tx.query(
        `INSERT INTO ${table} (${NAMES.join(', ')}) SELECT ${NAMES.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS})`,
        [JSON.stringify(inserted.map(toRecord))],
      );
    }
  }
}
