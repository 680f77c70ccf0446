import type { ArticleQuotation, QuotationsExtracted } from '@domain/articles';
import { ReviewQueueProjector } from '../../src/articles/review-queue/review-queue.projector';
import { ProjectionSpec } from '../support/projection-spec';

jest.setTimeout(60_000);

const spec = ProjectionSpec.for(() => new ReviewQueueProjector());
const T0 = '2025-03-01T09:00:00.000Z';
const T1 = '2025-03-02T10:00:00.000Z';

const aQuotation = (overrides: Partial<ArticleQuotation>): ArticleQuotation => ({
  articleId: 'a-1',
  quotationId: 'q-1',
  quote: 'We will not send troops.',
  start: 100,
  end: 126,
  parts: [{ start: 100, end: 126 }],
  speaker: { kind: 'actor', actorId: 'keir-starmer', name: 'Keir Starmer', via: 'name' },
  saidOn: '2025-02-28',
  saidOnPrecision: 'day',
  saidOnEvidence: null,
  topicId: 'ukraine.troops',
  proposedTopic: null,
  stance: 'oppose',
  conditions: [],
  confidence: 0.6,
  confidences: { speaker: 0.9, topic: 0.8, stance: 0.6 },
  disposition: { kind: 'review', reasons: ['low-stance-confidence'] },
  ...overrides,
});

const extracted = (...quotations: ArticleQuotation[]): QuotationsExtracted => ({
  type: 'QuotationsExtracted',
  data: {
    articleId: 'a-1',
    outlet: 'The Guardian',
    publishedOn: '2025-03-01',
    extractor: 'rules-v1',
    quotations,
    recordedAt: T0,
  },
});

const ROWS = `SELECT quotation_id, article_id, outlet, to_char(published_on, 'YYYY-MM-DD') AS published_on, quote,
  span_start, span_end, speaker_id, speaker_name, speaker_kind, to_char(said_on, 'YYYY-MM-DD') AS said_on, topic_id,
  stance, confidence, reasons, status, queued_at, reviewed_at, rejection_reason, position_id
  FROM review_items ORDER BY quotation_id`;

const pending = {
  quotation_id: 'q-1',
  article_id: 'a-1',
  outlet: 'The Guardian',
  published_on: '2025-03-01',
  quote: 'We will not send troops.',
  span_start: 100,
  span_end: 126,
  speaker_id: 'keir-starmer',
  speaker_name: 'Keir Starmer',
  speaker_kind: 'actor',
  said_on: '2025-02-28',
  topic_id: 'ukraine.troops',
  stance: 'oppose',
  confidence: 0.6,
  reasons: ['low-stance-confidence'],
  status: 'pending',
  queued_at: new Date(T0),
  reviewed_at: null,
  rejection_reason: null,
  position_id: null,
};

describe('review_items: quotations waiting for an editor, and what the editor decided', () => {
  it('ArticleSubmitted alone queues nothing', () =>
    spec
      .given()
      .when({
        type: 'ArticleSubmitted',
        data: {
          articleId: 'a-1',
          text: 'Text.',
          outlet: 'The Guardian',
          publishedOn: '2025-03-01',
          publishedAt: null,
          url: null,
          title: null,
          contentHash: 'x',
          recordedAt: T0,
        },
      })
      .then(ROWS, []));

  it('QuotationsExtracted queues the quotations for review and keeps no-position ones, not the recorded', () =>
    spec
      .given()
      .when(
        extracted(
          aQuotation({}),
          aQuotation({
            quotationId: 'q-2',
            speaker: null,
            saidOn: null,
            topicId: null,
            stance: 'no-position',
            disposition: { kind: 'no-position' },
          }),
          aQuotation({
            quotationId: 'q-3',
            disposition: { kind: 'recorded', positionId: 'p-3', actorId: 'keir-starmer' },
          }),
        ),
      )
      .then(ROWS, [
        pending,
        {
          ...pending,
          quotation_id: 'q-2',
          speaker_id: null,
          speaker_name: null,
          speaker_kind: null,
          said_on: null,
          topic_id: null,
          stance: 'no-position',
          reasons: ['no-position'],
          status: 'no-position',
        },
      ]));

  it('QuotationAccepted marks the item accepted with the position it became', () =>
    spec
      .given(extracted(aQuotation({})))
      .when({
        type: 'QuotationAccepted',
        data: {
          articleId: 'a-1',
          quotationId: 'q-1',
          edits: {},
          disposition: { kind: 'recorded', positionId: 'p-1', actorId: 'keir-starmer' },
          recordedAt: T1,
        },
      })
      .then(ROWS, [{ ...pending, status: 'accepted', reviewed_at: new Date(T1), position_id: 'p-1' }]));

  it('QuotationRejected marks the item rejected with the reason', () =>
    spec
      .given(extracted(aQuotation({})))
      .when({
        type: 'QuotationRejected',
        data: { articleId: 'a-1', quotationId: 'q-1', reason: 'Not a statement.', recordedAt: T1 },
      })
      .then(ROWS, [
        { ...pending, status: 'rejected', reviewed_at: new Date(T1), rejection_reason: 'Not a statement.' },
      ]));

  it('a repeated extraction of the same quotation queues it once', () =>
    spec
      .given(extracted(aQuotation({})))
      .when(extracted(aQuotation({ confidence: 0.1 })))
      .then(`SELECT quotation_id, confidence FROM review_items`, [{ quotation_id: 'q-1', confidence: 0.6 }]));
});
