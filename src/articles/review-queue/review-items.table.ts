import type { ArticleQuotation, QuotationsExtracted } from '@domain/articles';
import { col, table } from '../../infrastructure/read-models/table';

/** A quotation extraction left for an editor (or kept as stating no position), with the article it came from. */
export type QueuedQuotation = { article: QuotationsExtracted['data']; quotation: ArticleQuotation };

const inReview = ({ quotation }: QueuedQuotation) => quotation.disposition.kind === 'review';

export const reviewItemsTable = table<QueuedQuotation>('review_items')({
  quotation_id: col.text(({ quotation }) => quotation.quotationId),
  article_id: col.text(({ article }) => article.articleId),
  outlet: col.text(({ article }) => article.outlet),
  published_on: col.date(({ article }) => article.publishedOn),
  quote: col.text(({ quotation }) => quotation.quote),
  span_start: col.integer(({ quotation }) => quotation.start),
  span_end: col.integer(({ quotation }) => quotation.end),
  speaker_id: col.textOrNull(({ quotation }) => quotation.speaker?.actorId ?? null),
  speaker_name: col.textOrNull(({ quotation }) => quotation.speaker?.name ?? null),
  speaker_kind: col.textOrNull(({ quotation }) => quotation.speaker?.kind ?? null),
  said_on: col.dateOrNull(({ quotation }) => quotation.saidOn),
  topic_id: col.textOrNull(({ quotation }) => quotation.topicId),
  stance: col.textOrNull(({ quotation }) => quotation.stance),
  confidence: col.double(({ quotation }) => quotation.confidence),
  reasons: col.jsonb((queued) =>
    queued.quotation.disposition.kind === 'review' ? queued.quotation.disposition.reasons : ['no-position'],
  ),
  status: col.text((queued) => (inReview(queued) ? 'pending' : 'no-position')),
  queued_at: col.timestamptz(({ article }) => article.recordedAt),
  reviewed_at: col.timestamptzOrNull(() => null),
  rejection_reason: col.textOrNull(() => null),
  position_id: col.textOrNull(() => null),
});
