import type { Condition, PositionChange, PositionStatus, Source } from '@domain/positions';

export type PositionDetailView = {
  positionId: string;
  actorId: string;
  topicId: string;
  status: PositionStatus;
  stance: string;
  score: number | null;
  conditions: Condition[];
  summary: string;
  quote: string | null;
  evidenceType: string;
  statedAt: string;
  statedAtPrecision: string;
  confidence: number;
  sources: Source[];
  withdrawnAt: string | null;
  history: PositionChange[];
  firstRecordedAt: string;
  lastRecordedAt: string;
};

export const POSITION_DETAIL_SELECT = `SELECT position_id AS "positionId", actor_id AS "actorId", topic_id AS "topicId", status,
  stance, score, conditions, summary, quote, evidence_type AS "evidenceType", stated_at AS "statedAt",
  stated_at_precision AS "statedAtPrecision", confidence, sources, withdrawn_at AS "withdrawnAt", history,
  first_recorded_at AS "firstRecordedAt", last_recorded_at AS "lastRecordedAt" FROM position_details`;

type Row = Omit<PositionDetailView, 'statedAt' | 'withdrawnAt' | 'firstRecordedAt' | 'lastRecordedAt'> & {
  statedAt: Date;
  withdrawnAt: Date | null;
  firstRecordedAt: Date;
  lastRecordedAt: Date;
};

export const toPositionDetailView = (row: Row): PositionDetailView => ({
  ...row,
  score: row.score === null ? null : Number(row.score),
  confidence: Number(row.confidence),
  statedAt: new Date(row.statedAt).toISOString(),
  withdrawnAt: row.withdrawnAt ? new Date(row.withdrawnAt).toISOString() : null,
  firstRecordedAt: new Date(row.firstRecordedAt).toISOString(),
  lastRecordedAt: new Date(row.lastRecordedAt).toISOString(),
});
