import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { PositionDetailQuery } from './position-detail.query';
import { POSITION_DETAIL_SELECT, toPositionDetailView } from './position-detail.view';

@QueryHandler(PositionDetailQuery)
export class PositionDetailHandler implements IQueryHandler<PositionDetailQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ actorId, positionId }: PositionDetailQuery) {
    const [row] = await this.sql.query<Parameters<typeof toPositionDetailView>[0]>(
      `${POSITION_DETAIL_SELECT} WHERE actor_id = $1 AND position_id = $2`,
      [actorId, positionId],
    );
    return row ? toPositionDetailView(row) : null;
  }
}
