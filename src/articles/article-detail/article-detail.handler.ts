import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ArticleNotFoundError, articleStreamName, foldArticle } from '@domain/articles';
import { EventStore } from '../../infrastructure/event-store/event-store.port';
import { toArticleView } from './article.view';
import { ArticleDetailQuery } from './article-detail.query';

/** Folds the article's own stream: what it shows is never behind a projection. */
@QueryHandler(ArticleDetailQuery)
export class ArticleDetailHandler implements IQueryHandler<ArticleDetailQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ articleId }: ArticleDetailQuery) {
    const article = foldArticle(await this.store.readStream(articleStreamName(articleId)));
    if (article.status !== 'stored') throw new ArticleNotFoundError(articleId);
    return toArticleView(article);
  }
}
