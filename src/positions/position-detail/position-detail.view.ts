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
