import { assertNever } from '../shared/assert-never';
import type { Decider } from '../shared/decider';
import type { ArticleCommand } from './article.commands';
import {
  ArticleAlreadyExtractedError,
  ArticleConflictError,
  ArticleNotFoundError,
  QuotationAlreadyReviewedError,
  QuotationNotFoundError,
} from './article.errors';
import type { ArticleEvent } from './article.events';
import { type Article, type ArticleQuotationState, evolveArticle, initialArticle } from './article.state';

/** The quotation, if it waits for review; refuses one that is unknown or already decided. */
export const pendingQuotation = (
  state: Article,
  articleId: string,
  quotationId: string,
): ArticleQuotationState => {
  if (state.status !== 'stored') throw new ArticleNotFoundError(articleId);
  const quotation = state.quotations.find((candidate) => candidate.quotationId === quotationId);
  if (!quotation || !quotation.review) throw new QuotationNotFoundError(quotationId);
  if (quotation.review.status !== 'pending' && quotation.review.status !== 'no-position')
    throw new QuotationAlreadyReviewedError(quotationId, quotation.review.status);
  return quotation;
};

const SAME_ARTICLE_FIELDS = ['outlet', 'publishedOn', 'publishedAt', 'url', 'title'] as const;

export const decideArticle = (command: ArticleCommand, state: Article): ArticleEvent[] => {
  switch (command.type) {
    case 'SubmitArticle': {
      if (state.status === 'stored') {
        // The same text posted again is the same article: nothing new, unless its metadata contradicts ours.
        const conflict = SAME_ARTICLE_FIELDS.find(
          (field) => command.data[field] !== null && command.data[field] !== state.fields[field],
        );
        if (conflict) throw new ArticleConflictError(state.fields.articleId, conflict);
        return [];
      }
      return [{ type: 'ArticleSubmitted', data: command.data }];
    }
    case 'RecordExtraction':
      if (state.status !== 'stored') throw new ArticleNotFoundError(command.data.articleId);
      if (state.extractedAt !== null) throw new ArticleAlreadyExtractedError(command.data.articleId);
      return [{ type: 'QuotationsExtracted', data: command.data }];
    case 'AcceptQuotation':
      pendingQuotation(state, command.data.articleId, command.data.quotationId);
      return [{ type: 'QuotationAccepted', data: command.data }];
    case 'RejectQuotation':
      pendingQuotation(state, command.data.articleId, command.data.quotationId);
      return [{ type: 'QuotationRejected', data: command.data }];
    default:
      return assertNever(command);
  }
};

export const articleDecider: Decider<Article, ArticleCommand, ArticleEvent> = {
  decide: decideArticle,
  evolve: evolveArticle,
  initialState: initialArticle,
};
