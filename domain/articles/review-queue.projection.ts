import type {
  ArticleQuotation,
  QuotationAccepted,
  QuotationRejected,
  QuotationsExtracted,
} from './article.events';
import { assertNever } from '../shared/assert-never';
import { defineProjection } from '../shared/projection';

/** What one article event does to the review queue. */
export type ReviewQueueChange =
  | { kind: 'queued'; article: QuotationsExtracted['data']; quotations: ArticleQuotation[] }
  | { kind: 'accepted'; quotationId: string; reviewedAt: string; positionId: string }
  | { kind: 'rejected'; quotationId: string; reviewedAt: string; reason: string };

type ReviewQueueEvent = QuotationsExtracted | QuotationAccepted | QuotationRejected;

/** Quotations waiting for an editor (or kept as stating no position) are queued; decisions close them. */
export const evolveReviewQueue = (event: ReviewQueueEvent): ReviewQueueChange => {
  switch (event.type) {
    case 'QuotationsExtracted':
      return {
        kind: 'queued',
        article: event.data,
        quotations: event.data.quotations.filter(
          ({ disposition }) => disposition.kind === 'review' || disposition.kind === 'no-position',
        ),
      };
    case 'QuotationAccepted':
      return {
        kind: 'accepted',
        quotationId: event.data.quotationId,
        reviewedAt: event.data.recordedAt,
        positionId: event.data.disposition.positionId,
      };
    case 'QuotationRejected':
      return {
        kind: 'rejected',
        quotationId: event.data.quotationId,
        reviewedAt: event.data.recordedAt,
        reason: event.data.reason,
      };
    default:
      return assertNever(event);
  }
};

export const reviewQueueProjection = defineProjection({
  name: 'review-queue',
  handles: [
    'QuotationsExtracted',
    'QuotationAccepted',
    'QuotationRejected',
  ] satisfies ReviewQueueEvent['type'][],
  evolve: evolveReviewQueue,
});
