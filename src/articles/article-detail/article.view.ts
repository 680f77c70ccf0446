import type { Article, ArticleQuotationState } from '@domain/articles';

export type ArticleView = {
  articleId: string;
  outlet: string;
  publishedOn: string;
  publishedAt: string | null;
  url: string | null;
  title: string | null;
  contentHash: string;
  submittedAt: string;
  extractedAt: string | null;
  extractor: string | null;
  counts: {
    quotations: number;
    recorded: number;
    sourceAdded: number;
    alreadyRecorded: number;
    inReview: number;
    noPosition: number;
  };
  quotations: ArticleQuotationState[];
  text: string;
};

export const toArticleView = (article: Extract<Article, { status: 'stored' }>): ArticleView => {
  const kinds = article.quotations.map((quotation) =>
    quotation.review?.status === 'pending'
      ? 'review'
      : quotation.review?.status === 'no-position'
        ? 'no-position'
        : quotation.disposition.kind,
  );
  const count = (kind: string) => kinds.filter((candidate) => candidate === kind).length;
  return {
    articleId: article.fields.articleId,
    outlet: article.fields.outlet,
    publishedOn: article.fields.publishedOn,
    publishedAt: article.fields.publishedAt,
    url: article.fields.url,
    title: article.fields.title,
    contentHash: article.fields.contentHash,
    submittedAt: article.submittedAt,
    extractedAt: article.extractedAt,
    extractor: article.extractor,
    counts: {
      quotations: article.quotations.length,
      recorded: count('recorded'),
      sourceAdded: count('source-added'),
      alreadyRecorded: count('already-recorded'),
      inReview: count('review'),
      noPosition: count('no-position'),
    },
    quotations: [...article.quotations],
    text: article.fields.text,
  };
};
