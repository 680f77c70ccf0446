import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { type StanceTimelineRow, toTimelineVersion } from '../stance-timeline/stance-timeline.row';
import { StanceHistoryQuery } from './stance-history.query';
import type { StanceHistoryEntry } from './stance-history.view';

@QueryHandler(StanceHistoryQuery)
export class StanceHistoryHandler implements IQueryHandler<StanceHistoryQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ actorId, topicId, knownAt }: StanceHistoryQuery): Promise<StanceHistoryEntry[]> {
    const rows = await this.sql.query<StanceTimelineRow>(
      `SELECT * FROM stance_timeline
       WHERE actor_id = $1 AND topic_id = $2 AND recorded_from <= $3
       ORDER BY recorded_from, version_id`,
      [actorId, topicId, knownAt],
      { prepare: true },
    );
    return rows.map((row) => {
      const { actorId: _actor, statedRevision: _revision, ...version } = toTimelineVersion(row);
      const closed = row.recorded_to && new Date(row.recorded_to) <= knownAt;
      return { ...version, recordedTo: closed ? new Date(row.recorded_to as Date).toISOString() : null };
    });
  }
}
