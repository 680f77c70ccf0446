import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { ActorCatalogueQuery } from './actor-catalogue.query';
import { ACTOR_SELECT, toActorView } from './actor.view';

@QueryHandler(ActorCatalogueQuery)
export class ActorCatalogueHandler implements IQueryHandler<ActorCatalogueQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ filter }: ActorCatalogueQuery) {
    const rows = filter.actorId
      ? await this.sql.query<Parameters<typeof toActorView>[0]>(`${ACTOR_SELECT} WHERE actor_id = $1`, [
          filter.actorId,
        ])
      : await this.sql.query<Parameters<typeof toActorView>[0]>(
          `${ACTOR_SELECT} WHERE actor_id > $1 ORDER BY actor_id LIMIT $2`,
          [filter.after ?? '', filter.limit ?? 100],
        );
    return rows.map(toActorView);
  }
}
