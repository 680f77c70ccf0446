/** The OpenAPI examples' stance, from the seeds: Trump on a US security guarantee for Ukraine, as of 2025-02-27. */
export const TRUMP_US_GUARANTEE_STANCE = {
  positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
  stance: 'conditional-opposition',
  score: -0.5,
  conditions: [
    {
      text: "Europe, as Ukraine's next-door neighbour, should provide them",
      topicId: 'ukraine.security-guarantees.europe',
    },
  ],
  summary:
    'At his Cabinet meeting Trump said the US would not give Ukraine security guarantees "beyond very much" and that Europe should do it.',
  quote: "I'm not going to make security guarantees beyond very much.",
  evidenceType: 'direct-quote',
  statedAt: '2025-02-26T00:00:00.000Z',
  statedAtPrecision: 'day',
  confidence: 0.95,
  sources: [
    {
      outlet: 'BBC News',
      articleId: '003_b93aada126a295ef',
      url: null,
      publishedOn: '2025-02-26',
      text: "I'm not going to make security guarantees beyond very much",
      span: { start: 1820, end: 1880 },
    },
  ],
};
