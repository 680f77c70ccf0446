/** OpenAPI response examples, drawn from the seeds (position ids are the seeds' deterministic ones). */
const TRUMP_GUARANTEES = {
  positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
  stance: 'conditional-opposition',
  score: -0.5,
  conditions: [
    {
      text: 'the US will give no security guarantees "beyond very much"; Europe, as Ukraine’s next-door neighbour, should provide them',
      topicId: 'ukraine.security-guarantees.europe',
    },
  ],
  summary:
    'At his Cabinet meeting Trump said the US would not give Ukraine security guarantees "beyond very much" and that Europe should do it.',
  statedAt: '2025-02-26T00:00:00.000Z',
};

const STARMER_GUARANTEES = {
  positionId: '9373210e-a5c2-53e1-b3ff-17ea0d90149b',
  stance: 'support',
  score: 1,
  conditions: [],
  summary:
    'Starmer called for a US security "backstop" for Ukraine after any peace deal, strong enough to deter Putin from invading again.',
  statedAt: '2025-02-26T00:00:00.000Z',
};

export const SHIFTS_EXAMPLE = {
  actorId: 'donald-trump',
  knownAt: '2025-03-01T00:00:00.000Z',
  items: [
    {
      shiftId: 'ukraine.security-guarantees.us~none~0d1636f1-bf8f-5b25-bb13-cc8180716155',
      topicId: 'ukraine.security-guarantees.us',
      validAt: '2025-02-26T00:00:00.000Z',
      recordedAt: '2025-02-28T09:00:00.000Z',
      cause: 'stated',
      before: null,
      after: TRUMP_GUARANTEES,
      rating: 'engagement-change',
      override: null,
    },
  ],
  next: null,
};

export const RATE_SHIFT_EXAMPLE = {
  actorId: 'donald-trump',
  shiftId: 'ukraine.security-guarantees.us~none~0d1636f1-bf8f-5b25-bb13-cc8180716155',
  rating: 'half-flip',
  reason: 'A first statement on the topic, but conditioned on Europe providing guarantees',
  revision: '14',
  recordedAt: '2025-03-02T10:00:00.000Z',
};

export const COMPARE_EXAMPLE = {
  actors: ['keir-starmer', 'donald-trump'],
  at: '2025-02-27T00:00:00.000Z',
  knownAt: '2025-03-01T00:00:00.000Z',
  items: [
    {
      topicId: 'ukraine.security-guarantees.us',
      agreement: 'oppose',
      distance: 1.5,
      stances: [
        { actorId: 'keir-starmer', stance: STARMER_GUARANTEES },
        { actorId: 'donald-trump', stance: TRUMP_GUARANTEES },
      ],
    },
  ],
  next: 'WzEuNSwidWtyYWluZS5zZWN1cml0eS1ndWFyYW50ZWVzLnVzIl0',
};

export const CHANGES_EXAMPLE = {
  from: '2025-02-20T00:00:00.000Z',
  to: '2025-02-27T00:00:00.000Z',
  knownAt: '2025-03-01T00:00:00.000Z',
  items: [
    {
      actorId: 'donald-trump',
      topicId: 'ukraine.security-guarantees.us',
      kind: 'started',
      before: null,
      after: TRUMP_GUARANTEES,
      rating: 'engagement-change',
    },
  ],
  next: null,
};

export const LEARNED_EXAMPLE = {
  from: '2025-02-28T00:00:00.000Z',
  to: '2025-03-01T00:00:00.000Z',
  items: [
    {
      kind: 'correction',
      recordedAt: '2025-02-28T12:00:00.000Z',
      actorId: 'donald-trump',
      topicId: 'ukraine.security-guarantees.us',
      positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
      reason: 'the confidence was overstated',
      changedFields: ['confidence'],
      position: { ...TRUMP_GUARANTEES, confidence: 0.8, withdrawnAt: null, retracted: false },
      previous: { ...TRUMP_GUARANTEES, confidence: 0.95, withdrawnAt: null, retracted: false },
      sequence: 42,
    },
  ],
  next: null,
};

export const QUOTATIONS_EXAMPLE = {
  q: 'security guarantees',
  knownAt: '2025-03-01T00:00:00.000Z',
  items: [
    {
      rank: 0.3,
      highlights: {
        quote:
          'I’m not going to make <mark>security</mark> <mark>guarantees</mark> beyond very much. We’re going to have Europe do that',
        summary:
          'Trump said the US would not give Ukraine <mark>security</mark> <mark>guarantees</mark> "beyond very much"',
      },
      position: { actorId: 'donald-trump', topicId: 'ukraine.security-guarantees.us', ...TRUMP_GUARANTEES },
    },
  ],
  next: null,
};

export const EXPORT_CSV_EXAMPLE = [
  'actorId,topicId,positionId,stance,score,conditions,summary,quote,evidenceType,statedAt,statedAtPrecision,confidence,recordedAt,outlets,sourceCount,cameoCode,goldstein',
  'donald-trump,ukraine.security-guarantees.us,0d1636f1-bf8f-5b25-bb13-cc8180716155,conditional-opposition,-0.5,"the US will give no security guarantees ""beyond very much""; ...","At his Cabinet meeting Trump said ...","I’m not going to make security guarantees beyond very much. ...",direct-quote,2025-02-26T00:00:00.000Z,day,0.95,2025-02-28T09:00:00.000Z,The Independent | BBC News | PA Media (syndicated),3,0334,5.2',
].join('\n');

export const STREAM_EXAMPLE = [
  'event: PositionStated',
  'data: {"id":"…","type":"PositionStated","streamName":"actor-donald-trump","data":{"actorId":"donald-trump","topicId":"ukraine.security-guarantees.us","stance":"conditional-opposition",…}}',
  '',
  'event: stance.changed',
  'id: 1234.56',
  'data: {"actorId":"donald-trump","topicId":"ukraine.security-guarantees.us","before":null,"after":{"stance":"conditional-opposition",…},"rating":"engagement-change"}',
  '',
].join('\n');
