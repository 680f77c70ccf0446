import type { TimelineVersion } from '@domain/positions';
import { col, type RowOf, table } from '../../infrastructure/read-models/table';

/** A version as the table stores it: `revision` is that of the event that made it, in the actor's stream. */
export type StoredVersion = TimelineVersion & { recordedTo: string | null; revision: string };

export const stanceTimelineTable = table<StoredVersion>('stance_timeline')({
  version_id: col.identity(),
  actor_id: col.text((v) => v.actorId),
  topic_id: col.text((v) => v.topicId),
  position_id: col.text((v) => v.positionId),
  stance: col.text((v) => v.stance),
  score: col.doubleOrNull((v) => v.score),
  conditions: col.jsonb((v) => v.conditions),
  summary: col.text((v) => v.summary),
  quote: col.textOrNull((v) => v.quote),
  evidence_type: col.text((v) => v.evidenceType),
  stated_at: col.timestamptz((v) => v.statedAt),
  stated_at_precision: col.text((v) => v.statedAtPrecision),
  confidence: col.double((v) => v.confidence),
  sources: col.jsonb((v) => v.sources),
  withdrawn_at: col.timestamptzOrNull((v) => v.withdrawnAt),
  retracted: col.boolean((v) => v.retracted),
  change: col.text((v) => v.change),
  reason: col.textOrNull((v) => v.reason),
  stated_revision: col.bigint((v) => v.statedRevision),
  first_recorded_at: col.timestamptz((v) => v.firstRecordedAt),
  recorded_from: col.timestamptz((v) => v.recordedFrom),
  recorded_to: col.timestamptzOrNull((v) => v.recordedTo),
  revision: col.bigint((v) => v.revision),
});

export type StanceTimelineTableRow = RowOf<typeof stanceTimelineTable>;
