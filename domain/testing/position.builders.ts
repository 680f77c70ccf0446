import type { RecordPosition } from '../positions/position.commands';
import type {
  PositionCorrected,
  PositionRetracted,
  PositionSourceAdded,
  PositionStated,
  PositionWithdrawn,
  Source,
} from '../positions/position.events';

export const T0 = '2025-02-27T12:00:00.000Z';

export const aSource = (overrides: Partial<Source> = {}): Source => ({
  outlet: 'BBC News',
  articleId: '003_b93aada126a295ef',
  url: null,
  publishedOn: '2025-02-26',
  text: 'I’m not going to make security guarantees beyond very much.',
  span: { start: 10, end: 70 },
  ...overrides,
});

export const aRecordPosition = (overrides: Partial<RecordPosition['data']> = {}): RecordPosition => ({
  type: 'RecordPosition',
  data: {
    positionId: 'p-1',
    actorId: 'donald-trump',
    topicId: 'ukraine.security-guarantees.us',
    stance: 'conditional-opposition',
    conditions: [{ text: 'Europe should provide them', topicId: null }],
    summary: 'Will not give security guarantees "beyond very much".',
    quote: 'I’m not going to make security guarantees beyond very much.',
    evidenceType: 'direct-quote',
    statedAt: '2025-02-26T00:00:00.000Z',
    statedAtPrecision: 'day',
    confidence: 0.9,
    sources: [aSource()],
    recordedAt: T0,
    knownTopicIds: ['ukraine.security-guarantees.us', 'ukraine.security-guarantees.europe'],
    ...overrides,
  },
});

export const statedFrom = (command: RecordPosition): PositionStated => {
  const { knownTopicIds: _known, ...data } = command.data;
  return { type: 'PositionStated', data };
};

export const actorRegistered = (actorId = 'donald-trump') => ({
  type: 'ActorRegistered' as const,
  data: { actorId, name: 'Donald Trump', kind: 'person' as const, recordedAt: '2025-01-01T00:00:00.000Z' },
});

/** Later changes to the position aRecordPosition states (p-1 of donald-trump), each at T0 unless overridden. */
export const aSourceAdded = (overrides: Partial<PositionSourceAdded['data']> = {}): PositionSourceAdded => ({
  type: 'PositionSourceAdded',
  data: {
    positionId: 'p-1',
    actorId: 'donald-trump',
    source: aSource({ outlet: 'Reuters' }),
    recordedAt: T0,
    ...overrides,
  },
});

export const aWithdrawal = (overrides: Partial<PositionWithdrawn['data']> = {}): PositionWithdrawn => ({
  type: 'PositionWithdrawn',
  data: {
    positionId: 'p-1',
    actorId: 'donald-trump',
    effectiveAt: '2025-02-27T00:00:00.000Z',
    reason: 'Walked back.',
    quote: null,
    recordedAt: T0,
    ...overrides,
  },
});

export const aCorrection = (overrides: Partial<PositionCorrected['data']> = {}): PositionCorrected => ({
  type: 'PositionCorrected',
  data: {
    positionId: 'p-1',
    actorId: 'donald-trump',
    changes: { stance: 'support' },
    reason: 'Misread.',
    recordedAt: T0,
    ...overrides,
  },
});

export const aRetraction = (overrides: Partial<PositionRetracted['data']> = {}): PositionRetracted => ({
  type: 'PositionRetracted',
  data: {
    positionId: 'p-1',
    actorId: 'donald-trump',
    reason: 'Misattributed.',
    recordedAt: T0,
    ...overrides,
  },
});
