import type { ReviewStatus } from '@domain/articles';
import { STANCES, type StatedAtPrecision } from '@domain/positions';
import { ApiProperty } from '@nestjs/swagger';
import { ConditionResponse, SpanResponse } from '../positions/shared/stance.response';
import type { ArticleView } from './article-detail/article.view';
import type { ReviewItemView } from './review-queue/review-item.view';

export class SpeakerResponse {
  /** `actor`: a registry actor; `candidate`: a person or institution the registry lacks (id from the name). */
  kind!: 'actor' | 'candidate';
  actorId!: string;
  name!: string;
  /** How the speaker was found: by name, alias, role phrase, pronoun, or a colon introduction. */
  via!: 'name' | 'alias' | 'role' | 'pronoun' | 'colon-intro';
}

export class ProposedTopicResponse {
  id!: string;
  title!: string;
}

export class QuotationConfidencesResponse {
  speaker!: number;
  topic!: number;
  stance!: number;
  /** How sure the day it was said is (absent on quotations extracted before it was reported). */
  day?: number;
  /** The parts' product before calibration. */
  raw?: number;
}

export class QuotationDispositionResponse {
  /** recorded, source-added, already-recorded, review or no-position. */
  kind!: 'recorded' | 'source-added' | 'already-recorded' | 'review' | 'no-position';
  /** The position it became or joined (recorded, source-added, already-recorded). */
  positionId?: string;
  actorId?: string;
  /** Why it waits for an editor (review). */
  reasons?: string[];
}

export class QuotationReviewResponse {
  status!: ReviewStatus;
  reason!: string | null;
  reviewedAt!: string | null;
}

export class ArticleQuotationResponse {
  quotationId!: string;
  articleId!: string;
  /** The quoted words, joined across paragraphs and around a split attribution, without the marks. */
  quote!: string;
  /** Span in the article from the first opening mark to the last closing mark. */
  start!: number;
  end!: number;
  /** Each quoted piece's span, when it is split or runs over paragraphs. */
  parts!: SpanResponse[];
  speaker!: SpeakerResponse | null;
  /** The day said (YYYY-MM-DD), when known. */
  saidOn!: string | null;
  saidOnPrecision!: StatedAtPrecision | null;
  /** The phrase the day came from ("last night", "on Wednesday"). */
  saidOnEvidence!: string | null;
  topicId!: string | null;
  /** A topic the taxonomy lacks, proposed for an editor. */
  proposedTopic!: ProposedTopicResponse | null;
  @ApiProperty({
    nullable: true,
    enum: [...STANCES, 'no-position'],
  })
  stance!: string | null;
  conditions!: ConditionResponse[];
  /** 0..1: how sure the extractor is of speaker, topic and stance together. */
  confidence!: number;
  confidences!: QuotationConfidencesResponse;
  disposition!: QuotationDispositionResponse;
  review!: QuotationReviewResponse | null;
}

export class ArticleCountsResponse {
  quotations!: number;
  recorded!: number;
  sourceAdded!: number;
  alreadyRecorded!: number;
  inReview!: number;
  noPosition!: number;
}

export class ArticleResponse implements Omit<ArticleView, 'quotations'> {
  /** Derived from the text's SHA-256: the same text is one article. */
  articleId!: string;
  outlet!: string;
  publishedOn!: string;
  publishedAt!: string | null;
  url!: string | null;
  title!: string | null;
  contentHash!: string;
  submittedAt!: string;
  extractedAt!: string | null;
  extractor!: string | null;
  counts!: ArticleCountsResponse;
  quotations!: ArticleQuotationResponse[];
  text!: string;
}

export class ReviewSpeakerResponse {
  actorId!: string;
  name!: string | null;
  kind!: string | null;
}

export class ReviewItemResponse implements ReviewItemView {
  quotationId!: string;
  articleId!: string;
  outlet!: string;
  publishedOn!: string;
  quote!: string;
  span!: SpanResponse;
  speaker!: ReviewSpeakerResponse | null;
  saidOn!: string | null;
  topicId!: string | null;
  stance!: string | null;
  confidence!: number;
  /** Why it waits: no-speaker, speaker-not-in-registry, no-topic, topic-proposed, low-confidence, … */
  reasons!: string[];
  status!: string;
  queuedAt!: string;
  reviewedAt!: string | null;
  rejectionReason!: string | null;
  positionId!: string | null;
}

export class ReviewPageResponse {
  items!: ReviewItemResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

export class ReviewDecisionResponse {
  quotationId!: string;
  articleId!: string;
  status!: 'accepted' | 'rejected';
  /** What accepting recorded (null for a rejection). */
  disposition!: QuotationDispositionResponse | null;
  revision!: string;
}
