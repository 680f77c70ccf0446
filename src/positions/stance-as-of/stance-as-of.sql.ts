import { Injectable } from '@nestjs/common';
import type { AsOf, StanceInForce } from '@domain/positions';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { stanceInForceSql } from '../shared/stance-in-force.sql';
import { toStanceView } from '../shared/stance.view';
import type { StanceTimelineRow } from '../stance-timeline/stance-timeline.row';

const BY_ACTOR = stanceInForceSql('actor_id = $3', 'topic_id');
const BY_ACTOR_AND_TOPIC = stanceInForceSql('actor_id = $3 AND topic_id = $4', 'topic_id');
/** The hot read: planned once per connection. */
const PREPARED = { prepare: true };

/** Stance as of, in SQL over the stance_timeline read model. */
@Injectable()
export class StanceAsOfSql {
  constructor(private readonly sql: SqlClient) {}

  async stancesOf(actorId: string, { at, knownAt }: AsOf, topicId?: string): Promise<StanceInForce[]> {
    const rows = topicId
      ? await this.sql.query<StanceTimelineRow>(BY_ACTOR_AND_TOPIC, [at, knownAt, actorId, topicId], PREPARED)
      : await this.sql.query<StanceTimelineRow>(BY_ACTOR, [at, knownAt, actorId], PREPARED);
    return rows.map(toStanceView);
  }
}
