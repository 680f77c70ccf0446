import { Query } from '@nestjs/cqrs';
import type { ArticleView } from './article.view';

export class ArticleDetailQuery extends Query<ArticleView> {
  constructor(readonly articleId: string) {
    super();
  }
}
