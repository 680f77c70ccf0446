import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { StanceInForce } from '@domain/positions';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { toStanceView } from '../../positions/shared/stance.view';
import type { StanceTimelineRow } from '../../positions/stance-timeline/stance-timeline.row';
import { inForceByActorAndTopicSql } from '../shared/in-force.sql';
import { PositionExportQuery } from './position-export.query';

const BATCH = 500;
const NEXT_BATCH = `${inForceByActorAndTopicSql('$1', '$2', '(actor_id, topic_id) > ($3::text, $4::text)')}
  ORDER BY actor_id, topic_id LIMIT ${BATCH}`;

@QueryHandler(PositionExportQuery)
export class PositionExportHandler implements IQueryHandler<PositionExportQuery> {
  constructor(private readonly sql: SqlClient) {}

  execute({ at, knownAt }: PositionExportQuery): Promise<AsyncIterable<StanceInForce[]>> {
    const sql = this.sql;
    async function* batches(): AsyncIterable<StanceInForce[]> {
      let key: [string, string] = ['', ''];
      for (;;) {
        const rows = await sql.query<StanceTimelineRow>(NEXT_BATCH, [at, knownAt, ...key]);
        if (rows.length > 0) yield rows.map(toStanceView);
        if (rows.length < BATCH) return;
        const last = rows[rows.length - 1];
        key = [last.actor_id, last.topic_id];
      }
    }
    return Promise.resolve(batches());
  }
}
