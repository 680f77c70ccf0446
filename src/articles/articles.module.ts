import { Module } from '@nestjs/common';
import { PositionsModule } from '../positions/positions.module';
import { TopicLookup } from '../topics/topic-lookup/topic-lookup';
import { AcceptQuotationController } from './accept-quotation/accept-quotation.controller';
import { AcceptQuotationHandler } from './accept-quotation/accept-quotation.handler';
import { ArticleDetailController } from './article-detail/article-detail.controller';
import { ArticleDetailHandler } from './article-detail/article-detail.handler';
import { ArticleIngestion } from './ingestion/article-ingestion';
import { ExtractionKnowledgeSource } from './ingestion/extraction-knowledge';
import { ListReviewController } from './list-review/list-review.controller';
import { ListReviewHandler } from './list-review/list-review.handler';
import { RejectQuotationController } from './reject-quotation/reject-quotation.controller';
import { RejectQuotationHandler } from './reject-quotation/reject-quotation.handler';
import { ReviewLookup } from './review-queue/review-lookup';
import { SubmitArticleController } from './submit-article/submit-article.controller';
import { SubmitArticleHandler } from './submit-article/submit-article.handler';

@Module({
  imports: [PositionsModule],
  controllers: [
    SubmitArticleController,
    ArticleDetailController,
    ListReviewController,
    AcceptQuotationController,
    RejectQuotationController,
  ],
  providers: [
    SubmitArticleHandler,
    ArticleDetailHandler,
    ListReviewHandler,
    AcceptQuotationHandler,
    RejectQuotationHandler,
    ArticleIngestion,
    ExtractionKnowledgeSource,
    ReviewLookup,
    TopicLookup,
  ],
  exports: [ArticleIngestion],
})
export class ArticlesModule {}
