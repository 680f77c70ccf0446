export type ReviewItemRow = {
  quotation_id: string;
  article_id: string;
  outlet: string;
  published_on: string;
  quote: string;
  span_start: number;
  span_end: number;
  speaker_id: string | null;
  speaker_name: string | null;
  speaker_kind: string | null;
  said_on: string | null;
  topic_id: string | null;
  stance: string | null;
  confidence: number;
  reasons: string[];
  status: string;
  queued_at: string;
  reviewed_at: string | null;
  rejection_reason: string | null;
  position_id: string | null;
};

export const REVIEW_ITEM_COLUMNS = `quotation_id, article_id, outlet, to_char(published_on, 'YYYY-MM-DD') AS published_on,
  quote, span_start, span_end, speaker_id, speaker_name, speaker_kind, to_char(said_on, 'YYYY-MM-DD') AS said_on,
  topic_id, stance, confidence, reasons, status,
  to_char(queued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS queued_at,
  to_char(reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS reviewed_at, rejection_reason, position_id`;

export const toReviewItemView = (row: ReviewItemRow) => ({
  quotationId: row.quotation_id,
  articleId: row.article_id,
  outlet: row.outlet,
  publishedOn: row.published_on,
  quote: row.quote,
  span: { start: row.span_start, end: row.span_end },
  speaker: row.speaker_id
    ? { actorId: row.speaker_id, name: row.speaker_name, kind: row.speaker_kind }
    : null,
  saidOn: row.said_on,
  topicId: row.topic_id,
  stance: row.stance,
  confidence: row.confidence,
  reasons: row.reasons,
  status: row.status,
  queuedAt: row.queued_at,
  reviewedAt: row.reviewed_at,
  rejectionReason: row.rejection_reason,
  positionId: row.position_id,
});

export type ReviewItemView = ReturnType<typeof toReviewItemView>;
