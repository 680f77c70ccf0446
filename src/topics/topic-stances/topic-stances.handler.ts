import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { stanceInForceSql } from '../../positions/shared/stance-in-force.sql';
import { toStanceView } from '../../positions/shared/stance.view';
import type { StanceTimelineRow } from '../../positions/stance-timeline/stance-timeline.row';
import { TopicStancesQuery } from './topic-stances.query';

const BY_TOPIC = stanceInForceSql('topic_id = $3', 'actor_id');

@QueryHandler(TopicStancesQuery)
export class TopicStancesHandler implements IQueryHandler<TopicStancesQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ topicId, at, knownAt }: TopicStancesQuery) {
    return (await this.sql.query<StanceTimelineRow>(BY_TOPIC, [at, knownAt, topicId], { prepare: true })).map(
      toStanceView,
    );
  }
}
