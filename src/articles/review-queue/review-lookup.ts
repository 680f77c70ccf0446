import { Injectable } from '@nestjs/common';
import {
  articleDecider,
  type ArticleEvent,
  articleStreamName,
  type ArticleQuotationState,
  QuotationNotFoundError,
  type Article,
} from '@domain/articles';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { EventStore } from '../../infrastructure/event-store/event-store.port';

export type ReviewTarget = {
  article: Extract<Article, { status: 'stored' }>;
  quotation: ArticleQuotationState;
  revision: string;
};

/** Finds a queued quotation's article through the queue, then reads the article's own stream (not the queue). */
@Injectable()
export class ReviewLookup {
  constructor(
    private readonly sql: SqlClient,
    private readonly store: EventStore,
  ) {}

  async find(quotationId: string): Promise<ReviewTarget> {
    const [row] = await this.sql.query<{ article_id: string }>(
      'SELECT article_id FROM review_items WHERE quotation_id = $1',
      [quotationId],
    );
    if (!row) throw new QuotationNotFoundError(quotationId);
    const events = await this.store.readStream(articleStreamName(row.article_id));
    const article = (events as unknown as ArticleEvent[]).reduce(
      articleDecider.evolve,
      articleDecider.initialState(),
    );
    const quotation =
      article.status === 'stored'
        ? article.quotations.find((item) => item.quotationId === quotationId)
        : undefined;
    if (article.status !== 'stored' || !quotation) throw new QuotationNotFoundError(quotationId);
    return { article, quotation, revision: events[events.length - 1].revision };
  }
}
