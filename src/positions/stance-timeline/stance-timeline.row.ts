import type {
  Condition,
  EvidenceType,
  Source,
  Stance,
  StatedAtPrecision,
  TimelineChange,
  TimelineVersion,
} from '@domain/positions';

export type StanceTimelineRow = {
  version_id: string | number;
  actor_id: string;
  topic_id: string;
  position_id: string;
  stance: Stance;
  score: number | null;
  conditions: Condition[];
  summary: string;
  quote: string | null;
  evidence_type: EvidenceType;
  stated_at: Date;
  stated_at_precision: StatedAtPrecision;
  confidence: number;
  sources: Source[];
  withdrawn_at: Date | null;
  retracted: boolean;
  change: TimelineChange;
  reason: string | null;
  stated_revision: string | number;
  first_recorded_at: Date;
  recorded_from: Date;
  recorded_to: Date | null;
  revision: string | number;
};

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
