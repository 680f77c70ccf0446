import { Query } from '@nestjs/cqrs';
import type { TopicView } from './topic.view';

export class TopicCatalogueQuery extends Query<TopicView[]> {
  constructor(readonly filter: { topicId?: string; after?: string; limit?: number }) {
    super();
  }
}
