import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { stanceInForceSql } from '../shared/stance-in-force.sql';
import { toStanceView } from '../shared/stance.view';
import type { StanceTimelineRow } from '../stance-timeline/stance-timeline.row';
import { StanceAsOfQuery } from './stance-as-of.query';

const BY_ACTOR = stanceInForceSql('actor_id = $3', 'topic_id');
const BY_ACTOR_AND_TOPIC = stanceInForceSql('actor_id = $3 AND topic_id = $4', 'topic_id');
/** The hot read: planned once per connection. */
const PREPARED = { prepare: true };

@QueryHandler(StanceAsOfQuery)
export class StanceAsOfHandler implements IQueryHandler<StanceAsOfQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ actorId, at, knownAt, topicId }: StanceAsOfQuery) {
    const rows = topicId
      ? await this.sql.query<StanceTimelineRow>(BY_ACTOR_AND_TOPIC, [at, knownAt, actorId, topicId], PREPARED)
      : await this.sql.query<StanceTimelineRow>(BY_ACTOR, [at, knownAt, actorId], PREPARED);
    return rows.map(toStanceView);
  }
}
