import type { StanceInForce } from '@domain/positions';
import type { StanceTimelineRow } from '../stance-timeline/stance-timeline.row';
import { toTimelineVersion } from '../stance-timeline/stance-timeline.row';

export const toStanceView = (row: StanceTimelineRow): StanceInForce => {
  const version = toTimelineVersion(row);
  return {
    actorId: version.actorId,
    topicId: version.topicId,
    positionId: version.positionId,
    stance: version.stance,
    score: version.score,
    conditions: version.conditions,
    summary: version.summary,
    quote: version.quote,
    evidenceType: version.evidenceType,
    statedAt: version.statedAt,
    statedAtPrecision: version.statedAtPrecision,
    confidence: version.confidence,
    sources: version.sources,
    recordedAt: version.firstRecordedAt,
  };
};
