import { assertNever } from '../shared/assert-never';
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

/** An article as its stream tells it. */
export const foldArticle = (events: readonly { type: string; data: object }[]): Article =>
  (events as readonly ArticleEvent[]).reduce(evolveArticle, initialArticle());
