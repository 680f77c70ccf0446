import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { positionDetailOf } from '@domain/positions';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { type StanceTimelineRow, toTimelineVersion } from '../stance-timeline/stance-timeline.row';
import { PositionDetailQuery } from './position-detail.query';
import type { PositionDetailView } from './position-detail.view';

/** The position's versions in the stance timeline, the latest and every change, as it stands now. */
@QueryHandler(PositionDetailQuery)
export class PositionDetailHandler implements IQueryHandler<PositionDetailQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ actorId, positionId }: PositionDetailQuery): Promise<PositionDetailView | null> {
    const rows = await this.sql.query<StanceTimelineRow>(
      'SELECT * FROM stance_timeline WHERE position_id = $1 AND actor_id = $2 ORDER BY revision',
      [positionId, actorId],
    );
    const detail = positionDetailOf(
      rows.map((row) => ({ ...toTimelineVersion(row), revision: String(row.revision) })),
    );
    if (!detail) return null;
    return {
      positionId: detail.positionId,
      actorId: detail.actorId,
      topicId: detail.topicId,
      status: detail.status,
      stance: detail.stance,
      score: detail.score,
      conditions: detail.conditions,
      summary: detail.summary,
      quote: detail.quote,
      evidenceType: detail.evidenceType,
      statedAt: detail.statedAt,
      statedAtPrecision: detail.statedAtPrecision,
      confidence: detail.confidence,
      sources: detail.sources,
      withdrawnAt: detail.withdrawnAt,
      history: detail.history,
      firstRecordedAt: detail.firstRecordedAt,
      lastRecordedAt: detail.lastRecordedAt,
    };
  }
}
