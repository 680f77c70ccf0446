import { Injectable } from '@nestjs/common';
import {
  type Article,
  type ArticleQuotationState,
  articleStreamName,
  foldArticle,
  pendingQuotation,
  QuotationNotFoundError,
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
    const article = foldArticle(events);
    // Refuses a quotation already decided before anything is written.
    const quotation = pendingQuotation(article, row.article_id, quotationId);
    return {
      article: article as Extract<Article, { status: 'stored' }>,
      quotation,
      revision: events[events.length - 1].revision,
    };
  }
}
