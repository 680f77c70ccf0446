import { deciderSpecification } from '../testing/decider-specification';
import type { ArticleCommand } from './article.commands';
import { articleDecider } from './article.decider';
import {
  ArticleAlreadyExtractedError,
  ArticleConflictError,
  ArticleNotFoundError,
  QuotationAlreadyReviewedError,
  QuotationNotFoundError,
} from './article.errors';
import type { ArticleEvent, ArticleFields, ArticleQuotation } from './article.events';

const given = deciderSpecification(articleDecider);
const recordedAt = '2025-03-12T10:00:00.000Z';
const fields: ArticleFields = {
  articleId: 'a1',
  text: '"We are ready," Rubio said.',
  outlet: 'Wire',
  publishedOn: '2025-03-12',
  publishedAt: null,
  url: null,
  title: null,
  contentHash: 'abc',
};
const quotation = (quotationId: string, disposition: ArticleQuotation['disposition']): ArticleQuotation => ({
  articleId: 'a1',
  quotationId,
  quote: 'We are ready,',
  start: 0,
  end: 15,
  parts: [{ start: 0, end: 15 }],
  speaker: { kind: 'actor', actorId: 'marco-rubio', name: 'Marco Rubio', via: 'name' },
  saidOn: '2025-03-12',
  saidOnPrecision: 'day',
  saidOnEvidence: null,
  topicId: null,
  proposedTopic: null,
  stance: null,
  conditions: [],
  confidence: 0.4,
  confidences: { speaker: 0.9, topic: 0, stance: 0 },
  disposition,
});
const submitted: ArticleEvent = { type: 'ArticleSubmitted', data: { ...fields, recordedAt } };
const extracted: ArticleEvent = {
  type: 'QuotationsExtracted',
  data: {
    articleId: 'a1',
    outlet: 'Wire',
    publishedOn: '2025-03-12',
    extractor: 'test',
    quotations: [
      quotation('q1', { kind: 'review', reasons: ['no-topic'] }),
      quotation('q2', { kind: 'recorded', positionId: 'p2', actorId: 'marco-rubio' }),
    ],
    recordedAt,
  },
};
const submit = (overrides: Partial<ArticleFields> = {}): ArticleCommand => ({
  type: 'SubmitArticle',
  data: { ...fields, ...overrides, recordedAt },
});
const reject = (quotationId: string): ArticleCommand => ({
  type: 'RejectQuotation',
  data: { articleId: 'a1', quotationId, reason: 'not a statement', recordedAt },
});

describe('the article decider', () => {
  it('stores a new article', () => given([]).when(submit()).then([submitted]));

  it('treats the same article submitted again as nothing new', () =>
    given([submitted]).when(submit()).thenNothingHappened());

  it('refuses a resubmission that contradicts the stored metadata, naming the field', () =>
    given([submitted])
      .when(submit({ outlet: 'Other' }))
      .thenThrows(ArticleConflictError, (error) => error.details.field === 'outlet'));

  it('records an extraction once', () => {
    const command: ArticleCommand = { type: 'RecordExtraction', data: extracted.data as never };
    given([submitted]).when(command).then([extracted]);
    given([submitted, extracted]).when(command).thenThrows(ArticleAlreadyExtractedError);
    given([]).when(command).thenThrows(ArticleNotFoundError);
  });

  it('decides only quotations that wait for review, once', () => {
    given([submitted, extracted])
      .when(reject('q1'))
      .then([{ type: 'QuotationRejected', data: reject('q1').data as never }]);
    given([submitted, extracted, { type: 'QuotationRejected', data: reject('q1').data as never }])
      .when(reject('q1'))
      .thenThrows(QuotationAlreadyReviewedError, (error) => error.details.status === 'rejected');
    given([submitted, extracted]).when(reject('q2')).thenThrows(QuotationNotFoundError);
    given([submitted, extracted]).when(reject('q9')).thenThrows(QuotationNotFoundError);
  });
});
