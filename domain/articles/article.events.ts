import type { Event } from '../shared/decider';
import type { ExtractedQuotation } from '../extraction/extraction.types';

/** What became of one extracted quotation when the article was ingested, or later in review. */
export type QuotationDisposition =
  /** Confident: recorded as a new position. */
  | { kind: 'recorded'; positionId: string; actorId: string }
  /** Confident, and the statement was already known: this outlet became one more source of that position. */
  | { kind: 'source-added'; positionId: string; actorId: string }
  /** The statement was already known with this article among its sources (e.g. a curated seed position). */
  | { kind: 'already-recorded'; positionId: string; actorId: string }
  /** Waits for an editor, for the reasons listed. */
  | { kind: 'review'; reasons: string[] }
  /** States no position (a description, a fact, a courtesy): kept as evidence on the article, never recorded. */
  | { kind: 'no-position' };

export type ArticleQuotation = ExtractedQuotation & {
  quotationId: string;
  disposition: QuotationDisposition;
};

export type ArticleFields = {
  articleId: string;
  text: string;
  outlet: string;
  /** `YYYY-MM-DD`: the publication day the extraction resolves relative dates against. */
  publishedOn: string;
  /** Set when the publisher gave a time as well. */
  publishedAt: string | null;
  url: string | null;
  title: string | null;
  /** sha256 of the text as posted: the same text is the same article. */
  contentHash: string;
};

export type ArticleSubmitted = Event<'ArticleSubmitted', ArticleFields & { recordedAt: string }>;

export type QuotationsExtracted = Event<
  'QuotationsExtracted',
  {
    articleId: string;
    /** The article's outlet and day, repeated so that readers of this event need not look the article up. */
    outlet: string;
    publishedOn: string;
    extractor: string;
    quotations: ArticleQuotation[];
    recordedAt: string;
  }
>;

/** Edits an editor made when accepting: what the position was recorded with, where it differs from extraction. */
export type ReviewEdits = {
  actorId?: string;
  topicId?: string;
  stance?: string;
  saidOn?: string;
  conditions?: { text: string; topicId: string | null }[];
  summary?: string;
};

export type QuotationAccepted = Event<
  'QuotationAccepted',
  {
    articleId: string;
    quotationId: string;
    edits: ReviewEdits;
    disposition: Exclude<QuotationDisposition, { kind: 'review' } | { kind: 'no-position' }>;
    recordedAt: string;
  }
>;

export type QuotationRejected = Event<
  'QuotationRejected',
  { articleId: string; quotationId: string; reason: string; recordedAt: string }
>;

export type ArticleEvent = ArticleSubmitted | QuotationsExtracted | QuotationAccepted | QuotationRejected;

export const ARTICLE_EVENT_TYPES: readonly ArticleEvent['type'][] = [
  'ArticleSubmitted',
  'QuotationsExtracted',
  'QuotationAccepted',
  'QuotationRejected',
];

const articleEventTypes = new Set<string>(ARTICLE_EVENT_TYPES);

export const isArticleEvent = (event: { type: string }): event is ArticleEvent =>
  articleEventTypes.has(event.type);
