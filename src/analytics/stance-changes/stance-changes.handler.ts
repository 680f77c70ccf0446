import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { changeBetween } from '@domain/analytics';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { toStanceView } from '../../positions/shared/stance.view';
import type { StanceTimelineRow } from '../../positions/stance-timeline/stance-timeline.row';
import { inForceByActorAndTopicSql, topicFilterSql } from '../shared/in-force.sql';
import { type StanceChangeView, StanceChangesQuery } from './stance-changes.query';

const FILTER = `($4::text IS NULL OR actor_id = $4) AND ${topicFilterSql('$5')}`;

const CHANGES = `
  WITH earlier AS (${inForceByActorAndTopicSql('$1', '$3', FILTER)}),
       later AS (${inForceByActorAndTopicSql('$2', '$3', FILTER)})
  SELECT coalesce(b.actor_id, a.actor_id) AS actor_id, coalesce(b.topic_id, a.topic_id) AS topic_id,
         to_jsonb(b) AS before, to_jsonb(a) AS after
  FROM earlier b FULL JOIN later a ON a.actor_id = b.actor_id AND a.topic_id = b.topic_id
  WHERE b.position_id IS DISTINCT FROM a.position_id
    AND (coalesce(b.actor_id, a.actor_id), coalesce(b.topic_id, a.topic_id)) > ($6::text, $7::text)
  ORDER BY 1, 2
  LIMIT $8`;

type Row = {
  actor_id: string;
  topic_id: string;
  before: StanceTimelineRow | null;
  after: StanceTimelineRow | null;
};

@QueryHandler(StanceChangesQuery)
export class StanceChangesHandler implements IQueryHandler<StanceChangesQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ from, to, knownAt, filter, afterKey, limit }: StanceChangesQuery) {
    const rows = await this.sql.query<Row>(CHANGES, [
      from,
      to,
      knownAt,
      filter.actorId ?? null,
      filter.topicId ?? null,
      afterKey?.[0] ?? '',
      afterKey?.[1] ?? '',
      limit,
    ]);
    return rows.flatMap((row): StanceChangeView[] => {
      const change = changeBetween(
        row.before && toStanceView(row.before),
        row.after && toStanceView(row.after),
      );
      return change ? [{ actorId: row.actor_id, topicId: row.topic_id, ...change }] : [];
    });
  }
}
