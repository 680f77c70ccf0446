/** OpenAPI examples, drawn from the seed articles. */
const starmerQuotation = {
  quotationId: '6f1c1c57-3b8e-5d0a-9a3e-1c7f0e2b4d11',
  quote: 'There’s one aggressor here and that’s Russia.',
  start: 2683,
  end: 2731,
  parts: [{ start: 2683, end: 2731 }],
  speaker: { kind: 'actor', actorId: 'keir-starmer', name: 'Keir Starmer', via: 'pronoun' },
  saidOn: '2025-02-26',
  saidOnPrecision: 'day',
  saidOnEvidence: null,
  topicId: 'ukraine.war.russia-aggressor',
  stance: 'support',
  conditions: [],
  confidence: 0.86,
  confidences: { speaker: 0.9, topic: 0.95, stance: 0.9 },
  disposition: {
    kind: 'recorded',
    positionId: '0b7d6c4e-2f0a-5a51-8d1e-7c3b9e5f2a60',
    actorId: 'keir-starmer',
  },
  review: null,
};

export const ARTICLE_EXAMPLE = {
  articleId: '3f9a2c1e-5b7d-5e4f-8a6b-2d1c0e9f8a7b',
  outlet: 'The Independent',
  publishedOn: '2025-02-26',
  publishedAt: null,
  url: null,
  title: 'Starmer insists Russia is the aggressor as he flies to Washington to meet Trump',
  contentHash: 'e7beef6979e88bb9c2d1f0a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7',
  submittedAt: '2025-02-26T18:02:11.000Z',
  extractedAt: '2025-02-26T18:02:11.000Z',
  extractor: 'positions-extractor/1',
  counts: { quotations: 10, recorded: 6, sourceAdded: 1, alreadyRecorded: 0, inReview: 3 },
  quotations: [starmerQuotation],
  text: 'Sir Keir Starmer has insisted Russia is the aggressor in the war in Ukraine … “There’s one aggressor here and that’s Russia.” …',
};

export const REVIEW_PAGE_EXAMPLE = {
  items: [
    {
      quotationId: '9a0e3b52-7c1d-5f48-b6a2-4e8d1c0f7b39',
      articleId: '3f9a2c1e-5b7d-5e4f-8a6b-2d1c0e9f8a7b',
      outlet: 'The Independent',
      publishedOn: '2025-02-26',
      quote: 'I think we should be clear-eyed about this',
      span: { start: 3301, end: 3347 },
      speaker: { actorId: 'keir-starmer', name: 'Keir Starmer', kind: 'actor' },
      saidOn: '2025-02-26',
      topicId: null,
      stance: null,
      confidence: 0.31,
      reasons: ['no-topic', 'no-stance', 'low-confidence'],
      status: 'pending',
      queuedAt: '2025-02-26T18:02:11.000000Z',
      reviewedAt: null,
      rejectionReason: null,
      positionId: null,
    },
  ],
  next: null,
};

export const REVIEW_DECISION_EXAMPLE = {
  quotationId: '9a0e3b52-7c1d-5f48-b6a2-4e8d1c0f7b39',
  articleId: '3f9a2c1e-5b7d-5e4f-8a6b-2d1c0e9f8a7b',
  status: 'accepted',
  disposition: {
    kind: 'recorded',
    positionId: '5c2b8e41-0d9f-5a37-9e6c-3b1a7f4d2e80',
    actorId: 'keir-starmer',
  },
  revision: '2',
};
