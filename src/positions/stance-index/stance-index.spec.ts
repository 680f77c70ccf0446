import { isPositionEvent, type PositionEvent, stanceAsOf } from '@domain/positions';
import { aRecordPosition, statedFrom } from '@domain/testing/position.builders';
import { generateHistory, seededRandom } from '../../../test/support/generated-positions';
import { StanceIndex } from './stance-index';

const feb26 = '2025-02-26T00:00:00.000Z';
const mar1 = '2025-03-01T00:00:00.000Z';
const mar5 = '2025-03-05T00:00:00.000Z';
const apr1 = '2025-04-01T00:00:00.000Z';
const asOf = (at: string, knownAt: string) => ({ at: new Date(at), knownAt: new Date(knownAt) });

const indexOf = (events: PositionEvent[]) => {
  const index = new StanceIndex();
  events.forEach((event, revision) => index.apply(event, String(revision + 1)));
  return index;
};

describe('StanceIndex', () => {
  const first = statedFrom(aRecordPosition({ positionId: 'p-1', statedAt: feb26, recordedAt: mar1 }));
  const corrected: PositionEvent = {
    type: 'PositionCorrected',
    data: {
      actorId: 'donald-trump',
      positionId: 'p-1',
      changes: { topicId: 'ukraine.security-guarantees.europe' },
      reason: 'wrong topic',
      recordedAt: mar5,
    },
  };

  it('answers a correction from its record time on, and the earlier version before it', () => {
    const index = indexOf([first, corrected]);
    const topics = (knownAt: string) =>
      index.stancesOf('donald-trump', asOf(apr1, knownAt)).map((stance) => stance.topicId);
    expect(topics(mar1)).toEqual(['ukraine.security-guarantees.us']);
    expect(topics(mar5)).toEqual(['ukraine.security-guarantees.europe']);
    expect(index.versions).toBe(2);
  });

  it('answers one topic, and nothing for an actor it has never seen', () => {
    const index = indexOf([first, corrected]);
    expect(index.stancesOf('donald-trump', asOf(apr1, mar1), 'ukraine.security-guarantees.us')).toHaveLength(
      1,
    );
    expect(index.stancesOf('donald-trump', asOf(apr1, apr1), 'ukraine.security-guarantees.us')).toEqual([]);
    expect(index.stancesOf('keir-starmer', asOf(apr1, apr1))).toEqual([]);
  });

  it('answers exactly what stanceAsOf answers over generated histories, at random times', () => {
    const random = seededRandom(20251201);
    const topics = ['gen.alpha', 'gen.beta', 'gen.gamma', 'gen.delta'];
    const start = Date.parse('2025-01-01T00:00:00Z');
    const histories = Array.from({ length: 8 }, (_, n) =>
      generateHistory(`gen-${n}`, topics, 300, random, start),
    );
    const index = new StanceIndex();
    for (const history of histories)
      history.events.forEach((event, revision) => {
        if (isPositionEvent(event)) index.apply(event, String(revision));
      });
    const end = start + 300 * 6 * 3_600_000;
    let nonEmpty = 0;
    for (let round = 0; round < 2000; round++) {
      const history = histories[round % histories.length];
      const at = new Date(start - 90 * 86_400_000 + Math.floor(random() * (end - start + 90 * 86_400_000)));
      const knownAt = new Date(start + Math.floor(random() * (end - start)));
      const expected = stanceAsOf(history.events, { at, knownAt });
      expect({ at, knownAt, stances: index.stancesOf(history.actorId, { at, knownAt }) }).toEqual({
        at,
        knownAt,
        stances: expected,
      });
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(1000);
  });
});
