import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { encodeCursor } from '../../infrastructure/http/page-cursor';
import { topicFilterSql } from '../../analytics/shared/in-force.sql';
import { type StanceTimelineRow, toTimelineVersion } from '../stance-timeline/stance-timeline.row';
import { ActorHistoryQuery, type ActorHistoryPage } from './actor-history.query';

@QueryHandler(ActorHistoryQuery)
export class ActorHistoryHandler implements IQueryHandler<ActorHistoryQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ actorId, knownAt, topicId, after, limit }: ActorHistoryQuery): Promise<ActorHistoryPage> {
    const rows = await this.sql.query<StanceTimelineRow & { cursor_from: string }>(
      `SELECT *, recorded_from::text AS cursor_from FROM stance_timeline
       WHERE actor_id = $1 AND recorded_from <= $2 AND ${topicFilterSql('$3')}
         AND ($4::timestamptz IS NULL OR (recorded_from, version_id) > ($4::timestamptz, $5::bigint))
       ORDER BY recorded_from, version_id
       LIMIT $6`,
      [actorId, knownAt, topicId ?? null, after?.[0] ?? null, after?.[1] ?? '0', limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => {
      const { actorId: _actor, statedRevision: _revision, ...version } = toTimelineVersion(row);
      const closed = row.recorded_to && new Date(row.recorded_to) <= knownAt;
      return {
        ...version,
        versionId: String(row.version_id),
        recordedTo: closed ? new Date(row.recorded_to as Date).toISOString() : null,
      };
    });
    // The cursor keeps the database's own text of the time: a Date would drop its microseconds.
    const last = rows.length > limit ? rows[limit - 1] : null;
    const next = last ? encodeCursor('history', [last.cursor_from, String(last.version_id)]) : null;
    return { items, next };
  }
}
