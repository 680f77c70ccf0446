import { aRecordPosition, statedFrom } from '../testing/position.builders';
import type { PositionEvent } from './position.events';
import { stanceAsOf } from './stance-timeline.projection';

const at = (iso: string) => new Date(iso);
const ids = { actorId: 'donald-trump' };
const stated = (positionId: string, statedAt: string, recordedAt: string, overrides = {}) =>
  statedFrom(aRecordPosition({ positionId, statedAt, recordedAt, ...overrides }));

const feb26 = '2025-02-26T00:00:00.000Z';
const feb27 = '2025-02-27T00:00:00.000Z';
const mar1 = '2025-03-01T00:00:00.000Z';
const mar5 = '2025-03-05T00:00:00.000Z';
const apr1 = '2025-04-01T00:00:00.000Z';

const topicStances = (events: PositionEvent[], when: string, knownAt: string) =>
  stanceAsOf(events, { at: at(when), knownAt: at(knownAt) }).map((stance) => [
    stance.topicId,
    stance.positionId,
    stance.stance,
  ]);

describe('stanceAsOf', () => {
  const first = stated('p-1', feb26, mar1);

  it('holds from the start of the day it was stated, and not before', () => {
    expect(topicStances([first], '2025-02-25T23:59:59.999Z', apr1)).toEqual([]);
    expect(topicStances([first], feb26, apr1)).toEqual([
      ['ukraine.security-guarantees.us', 'p-1', 'conditional-opposition'],
    ]);
  });

  it('counts only what was recorded by knownAt', () => {
    expect(topicStances([first], feb27, '2025-02-28T00:00:00.000Z')).toEqual([]);
    expect(topicStances([first], feb27, mar1)).toHaveLength(1);
  });

  it('picks the latest statement by statedAt, whatever the record order', () => {
    const later = stated('p-2', feb27, mar1, { stance: 'oppose', conditions: [] });
    const earlierRecordedLast = stated('p-3', feb26, mar5, { stance: 'support', conditions: [] });
    expect(topicStances([later, earlierRecordedLast], apr1, apr1)).toEqual([
      ['ukraine.security-guarantees.us', 'p-2', 'oppose'],
    ]);
  });

  it('breaks a statedAt tie by record order', () => {
    const a = stated('p-a', feb26, mar1, { stance: 'oppose', conditions: [] });
    const b = stated('p-b', feb26, mar1, { stance: 'support', conditions: [] });
    expect(topicStances([a, b], apr1, apr1)).toEqual([['ukraine.security-guarantees.us', 'p-b', 'support']]);
  });

  it('applies a correction from its record time on, never before', () => {
    const corrected: PositionEvent = {
      type: 'PositionCorrected',
      data: {
        ...ids,
        positionId: 'p-1',
        changes: { stance: 'oppose', conditions: [] },
        reason: 'misread',
        recordedAt: mar5,
      },
    };
    expect(topicStances([first, corrected], apr1, mar1)).toEqual([
      ['ukraine.security-guarantees.us', 'p-1', 'conditional-opposition'],
    ]);
    expect(topicStances([first, corrected], apr1, apr1)).toEqual([
      ['ukraine.security-guarantees.us', 'p-1', 'oppose'],
    ]);
  });

  it('moves a position to another topic when a correction says its topic was wrong', () => {
    const moved: PositionEvent = {
      type: 'PositionCorrected',
      data: {
        ...ids,
        positionId: 'p-1',
        changes: { topicId: 'ukraine.security-guarantees.europe' },
        reason: 'wrong topic',
        recordedAt: mar5,
      },
    };
    expect(topicStances([first, moved], apr1, apr1).map(([topic]) => topic)).toEqual([
      'ukraine.security-guarantees.europe',
    ]);
  });

  it('removes a retracted record from its record time on, and the earlier position holds again', () => {
    const earlier = stated('p-0', '2025-02-20T00:00:00.000Z', mar1, { stance: 'support', conditions: [] });
    const retracted: PositionEvent = {
      type: 'PositionRetracted',
      data: { ...ids, positionId: 'p-1', reason: 'misattributed', recordedAt: mar5 },
    };
    const events = [earlier, first, retracted];
    expect(topicStances(events, apr1, mar1)).toEqual([
      ['ukraine.security-guarantees.us', 'p-1', 'conditional-opposition'],
    ]);
    expect(topicStances(events, apr1, apr1)).toEqual([['ukraine.security-guarantees.us', 'p-0', 'support']]);
  });

  it('ends the stance from the withdrawal’s valid time, once the withdrawal is known', () => {
    const withdrawn: PositionEvent = {
      type: 'PositionWithdrawn',
      data: {
        ...ids,
        positionId: 'p-1',
        effectiveAt: '2025-03-02T00:00:00.000Z',
        reason: 'walked back',
        quote: null,
        recordedAt: mar5,
      },
    };
    const events = [first, withdrawn];
    expect(topicStances(events, '2025-03-01T12:00:00.000Z', apr1)).toHaveLength(1);
    expect(topicStances(events, '2025-03-02T00:00:00.000Z', apr1)).toEqual([]);
    expect(topicStances(events, '2025-03-02T00:00:00.000Z', mar1)).toHaveLength(1);
  });

  it('gives the score of the scale, and none for no-comment', () => {
    const noComment = stated('p-9', feb26, mar1, {
      topicId: 'uk-us.state-visit',
      stance: 'no-comment',
      conditions: [],
      knownTopicIds: [],
    });
    const stances = stanceAsOf([first, noComment], { at: at(apr1), knownAt: at(apr1) });
    expect(stances.map(({ topicId, score }) => [topicId, score])).toEqual([
      ['uk-us.state-visit', null],
      ['ukraine.security-guarantees.us', -0.5],
    ]);
  });
});
