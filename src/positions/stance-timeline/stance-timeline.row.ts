import type { TimelineVersion } from '@domain/positions';
import type { StanceTimelineTableRow } from './stance-timeline.table';

export type StanceTimelineRow = StanceTimelineTableRow;

const iso = (value: Date | string): string => new Date(value).toISOString();

export const toTimelineVersion = (row: StanceTimelineRow): TimelineVersion => ({
  actorId: row.actor_id,
  topicId: row.topic_id,
  positionId: row.position_id,
  stance: row.stance,
  score: row.score === null ? null : Number(row.score),
  conditions: row.conditions,
  summary: row.summary,
  quote: row.quote,
  evidenceType: row.evidence_type,
  statedAt: iso(row.stated_at),
  statedAtPrecision: row.stated_at_precision,
  confidence: Number(row.confidence),
  sources: row.sources,
  withdrawnAt: row.withdrawn_at ? iso(row.withdrawn_at) : null,
  retracted: row.retracted,
  change: row.change,
  reason: row.reason,
  statedRevision: String(row.stated_revision),
  firstRecordedAt: iso(row.first_recorded_at),
  recordedFrom: iso(row.recorded_from),
});
