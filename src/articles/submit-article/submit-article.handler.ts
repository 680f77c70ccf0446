import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import {
  ArticleAlreadyExtractedError,
  articleDecider,
  articleIdFor,
  articleStreamName,
  foldArticle,
  type Article,
} from '@domain/articles';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { EventStore } from '../../infrastructure/event-store/event-store.port';
import { ArticleIngestion } from '../ingestion/article-ingestion';
import { SubmitArticleCommand, type SubmitArticleResult } from './submit-article.command';

type Stored = Extract<Article, { status: 'stored' }>;

/** Stores the article (the same text is the same article), then extracts it once. */
@CommandHandler(SubmitArticleCommand)
export class SubmitArticleHandler implements ICommandHandler<SubmitArticleCommand> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly store: EventStore,
    private readonly ingestion: ArticleIngestion,
  ) {}

  async execute({ submission, mode, metadata }: SubmitArticleCommand): Promise<SubmitArticleResult> {
    const contentHash = createHash('sha256').update(submission.text, 'utf8').digest('hex');
    const articleId = submission.articleId ?? articleIdFor(contentHash);
    const submitted = await this.runner.run(
      articleDecider,
      articleStreamName(articleId),
      (recordedAt) => ({
        type: 'SubmitArticle' as const,
        data: {
          articleId,
          text: submission.text,
          outlet: submission.outlet,
          publishedOn: submission.publishedOn,
          publishedAt: submission.publishedAt,
          url: submission.url,
          title: submission.title,
          contentHash,
          recordedAt,
        },
      }),
      { metadata, commandId: `article:${articleId}:submit` },
    );
    let article = submitted.state as Stored;
    // Extraction runs once per article; a submission whose extraction was cut short is completed here.
    if (article.extractedAt === null) {
      try {
        article = (await this.ingestion.ingest(article.fields, mode, metadata)) as Stored;
      } catch (error) {
        if (!(error instanceof ArticleAlreadyExtractedError)) throw error;
        article = foldArticle(await this.store.readStream(articleStreamName(articleId))) as Stored;
      }
    }
    return { created: submitted.appended, article };
  }
}
