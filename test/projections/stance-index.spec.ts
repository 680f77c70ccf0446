import { type PositionEvent, stanceAsOf } from '@domain/positions';
import { StanceIndex } from '../../src/positions/stance-index/stance-index';
import {
  aCorrection,
  aRecordPosition,
  aRetraction,
  aSource,
  aSourceAdded,
  aWithdrawal,
  statedFrom,
  T0,
} from '@domain/testing/position.builders';

const T1 = '2025-02-28T12:00:00.000Z';
const ACTOR = 'donald-trump';
const stated = statedFrom(aRecordPosition({ positionId: 'p-1', recordedAt: T0 }));

/** Given events, when the index has applied them, then the actor's stances as of `asOf`, which must also be the definition's. */
const given = (...events: PositionEvent[]) => ({
  then: (asOf: { at: string; knownAt: string }, expected: object[]) => {
    const index = new StanceIndex();
    events.forEach((event, revision) => index.apply(event, String(revision)));
    const when = { at: new Date(asOf.at), knownAt: new Date(asOf.knownAt) };
    expect(index.stancesOf(ACTOR, when)).toEqual(expected);
    expect(index.stancesOf(ACTOR, when)).toEqual(stanceAsOf(events, when));
  },
});

const inForce = {
  actorId: ACTOR,
  topicId: stated.data.topicId,
  positionId: 'p-1',
  stance: 'conditional-opposition',
  score: -0.5,
  conditions: stated.data.conditions,
  summary: stated.data.summary,
  quote: stated.data.quote,
  evidenceType: 'direct-quote',
  statedAt: stated.data.statedAt,
  statedAtPrecision: 'day',
  confidence: 0.9,
  sources: stated.data.sources,
  recordedAt: T0,
};
const NOW = { at: '2026-01-01T00:00:00.000Z', knownAt: '2026-01-01T00:00:00.000Z' };
const BEFORE_T1 = { at: NOW.at, knownAt: '2025-02-28T00:00:00.000Z' };

describe('the stance index: each event type, as the stance routes read it', () => {
  it('PositionStated puts the stance in force from its statedAt, once recorded', () => {
    given(stated).then(NOW, [inForce]);
    given(stated).then({ at: '2025-02-25T00:00:00.000Z', knownAt: NOW.knownAt }, []);
    given(stated).then({ at: NOW.at, knownAt: '2025-02-27T00:00:00.000Z' }, []);
  });

  it('PositionSourceAdded adds the source from its record time', () => {
    const source = aSource({ outlet: 'Reuters' });
    const added = aSourceAdded({ source, recordedAt: T1 });
    given(stated, added).then(NOW, [{ ...inForce, sources: [...inForce.sources, source] }]);
    given(stated, added).then(BEFORE_T1, [inForce]);
  });

  it('PositionWithdrawn ends the stance from its effective time', () => {
    const withdrawn = aWithdrawal({ recordedAt: T1 });
    given(stated, withdrawn).then(NOW, []);
    given(stated, withdrawn).then({ at: '2025-02-26T12:00:00.000Z', knownAt: NOW.knownAt }, [inForce]);
    given(stated, withdrawn).then(BEFORE_T1, [inForce]);
  });

  it('PositionCorrected answers the corrected fields from its record time, never before', () => {
    const corrected = aCorrection({ recordedAt: T1 });
    given(stated, corrected).then(NOW, [{ ...inForce, stance: 'support', score: 1 }]);
    given(stated, corrected).then(BEFORE_T1, [inForce]);
  });

  it('PositionRetracted removes the stance from its record time', () => {
    const retracted = aRetraction({ recordedAt: T1 });
    given(stated, retracted).then(NOW, []);
    given(stated, retracted).then(BEFORE_T1, [inForce]);
  });

  it('answers the later statement on a topic over an earlier one, from its record time', () => {
    const later = statedFrom(
      aRecordPosition({
        positionId: 'p-2',
        stance: 'support',
        statedAt: '2025-02-27T00:00:00.000Z',
        recordedAt: T1,
      }),
    );
    const p2 = {
      ...inForce,
      positionId: 'p-2',
      stance: 'support',
      score: 1,
      statedAt: later.data.statedAt,
      recordedAt: T1,
    };
    given(stated, later).then(NOW, [p2]);
    given(stated, later).then(BEFORE_T1, [inForce]);
  });
});
