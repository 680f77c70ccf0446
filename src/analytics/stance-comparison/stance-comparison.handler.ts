import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { compareStances } from '@domain/analytics';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { toStanceView } from '../../positions/shared/stance.view';
import type { StanceTimelineRow } from '../../positions/stance-timeline/stance-timeline.row';
import { inForceByActorAndTopicSql } from '../shared/in-force.sql';
import { StanceComparisonQuery } from './stance-comparison.query';

const IN_FORCE = inForceByActorAndTopicSql('$1', '$2', 'actor_id = ANY($3::text[])');

@QueryHandler(StanceComparisonQuery)
export class StanceComparisonHandler implements IQueryHandler<StanceComparisonQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ actorIds, at, knownAt }: StanceComparisonQuery) {
    const rows = await this.sql.query<StanceTimelineRow>(IN_FORCE, [at, knownAt, actorIds]);
    return compareStances(actorIds, rows.map(toStanceView));
  }
}
