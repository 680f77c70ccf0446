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

const COLUMNS = [
  'actor_id',
  'topic_id',
  'position_id',
  'stance',
  'score',
  'conditions',
  'summary',
  'quote',
  'evidence_type',
  'stated_at',
  'stated_at_precision',
  'confidence',
  'sources',
  'withdrawn_at',
  'retracted',
  'change',
  'reason',
  'stated_revision',
  'first_recorded_at',
  'recorded_from',
  'recorded_to',
  'revision',
] as const;

/** A version's values in COLUMNS' order. */
const toRow = (version: Pending) => [
  version.actorId,
  version.topicId,
  version.positionId,
  version.stance,
  version.score,
  version.conditions,
  version.summary,
  version.quote,
  version.evidenceType,
  version.statedAt,
  version.statedAtPrecision,
  version.confidence,
  version.sources,
  version.withdrawnAt,
  version.retracted,
  version.change,
  version.reason,
  version.statedRevision,
  version.firstRecordedAt,
  version.recordedFrom,
  version.recordedTo,
  version.revision,
];

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
    // COPY: a page's versions as one JSON parameter cost the server about 50 µs a row to parse.
    await tx.copyInto(table, COLUMNS, inserted.map(toRow));
  }
}
