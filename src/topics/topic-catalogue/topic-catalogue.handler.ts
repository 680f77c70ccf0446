import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { TopicCatalogueQuery } from './topic-catalogue.query';
import { TOPIC_SELECT, toTopicView } from './topic.view';

@QueryHandler(TopicCatalogueQuery)
export class TopicCatalogueHandler implements IQueryHandler<TopicCatalogueQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ filter }: TopicCatalogueQuery) {
    const rows = filter.topicId
      ? await this.sql.query<Parameters<typeof toTopicView>[0]>(`${TOPIC_SELECT} WHERE topic_id = $1`, [
          filter.topicId,
        ])
      : await this.sql.query<Parameters<typeof toTopicView>[0]>(
          `${TOPIC_SELECT} WHERE topic_id > $1 ORDER BY topic_id LIMIT $2`,
          [filter.after ?? '', filter.limit ?? 100],
        );
    return rows.map(toTopicView);
  }
}
