import { Command } from '@nestjs/cqrs';
import type { Article, IngestionMode } from '@domain/articles';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';

export type SubmitArticleResult = { created: boolean; article: Extract<Article, { status: 'stored' }> };

export type ArticleSubmission = {
  text: string;
  outlet: string;
  publishedOn: string;
  publishedAt: string | null;
  url: string | null;
  title: string | null;
  /** Only the seed replay names its articles; otherwise the id derives from the text. */
  articleId?: string;
};

export class SubmitArticleCommand extends Command<SubmitArticleResult> {
  constructor(
    readonly submission: ArticleSubmission,
    readonly mode: IngestionMode,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
