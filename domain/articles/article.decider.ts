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
import type { ArticleEvent, ArticleFields, ArticleQuotation } from './article.events';

/** `no-position`: kept as evidence, not waiting; an editor may still accept it as a position. */
export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'no-position';

export type ArticleQuotationState = ArticleQuotation & {
  review: { status: ReviewStatus; reason: string | null; reviewedAt: string | null } | null;
};

export type Article =
  | { status: 'absent' }
  | {
      status: 'stored';
      fields: ArticleFields;
      submittedAt: string;
      extractedAt: string | null;
      extractor: string | null;
      quotations: readonly ArticleQuotationState[];
    };

export const initialArticle = (): Article => ({ status: 'absent' });

const reviewQuotation = (
  state: Extract<Article, { status: 'stored' }>,
  quotationId: string,
  change: (quotation: ArticleQuotationState) => ArticleQuotationState,
): Article => ({
  ...state,
  quotations: state.quotations.map((quotation) =>
    quotation.quotationId === quotationId ? change(quotation) : quotation,
  ),
});

export const evolveArticle = (state: Article, event: ArticleEvent): Article => {
  switch (event.type) {
    case 'ArticleSubmitted': {
      const { recordedAt, ...fields } = event.data;
      return {
        status: 'stored',
        fields,
        submittedAt: recordedAt,
        extractedAt: null,
        extractor: null,
        quotations: [],
      };
    }
    case 'QuotationsExtracted':
      if (state.status !== 'stored') return state;
      return {
        ...state,
        extractedAt: event.data.recordedAt,
        extractor: event.data.extractor,
        quotations: event.data.quotations.map((quotation) => ({
          ...quotation,
          review:
            quotation.disposition.kind === 'review'
              ? { status: 'pending', reason: null, reviewedAt: null }
              : quotation.disposition.kind === 'no-position'
                ? { status: 'no-position', reason: null, reviewedAt: null }
                : null,
        })),
      };
    case 'QuotationAccepted':
      if (state.status !== 'stored') return state;
      return reviewQuotation(state, event.data.quotationId, (quotation) => ({
        ...quotation,
        disposition: event.data.disposition,
        review: { status: 'accepted', reason: null, reviewedAt: event.data.recordedAt },
      }));
    case 'QuotationRejected':
      if (state.status !== 'stored') return state;
      return reviewQuotation(state, event.data.quotationId, (quotation) => ({
        ...quotation,
        review: { status: 'rejected', reason: event.data.reason, reviewedAt: event.data.recordedAt },
      }));
    default:
      return assertNever(event);
  }
};

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

/** An article as its stream tells it. */
export const foldArticle = (events: readonly { type: string; data: object }[]): Article =>
  (events as readonly ArticleEvent[]).reduce(evolveArticle, initialArticle());

export const articleDecider: Decider<Article, ArticleCommand, ArticleEvent> = {
  decide: decideArticle,
  evolve: evolveArticle,
  initialState: initialArticle,
};
