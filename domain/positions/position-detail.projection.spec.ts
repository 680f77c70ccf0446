import { aRecordPosition, statedFrom } from '../testing/position.builders';
import { positionDetailOf, type RevisedVersion } from './position-detail.projection';
import type { PositionEvent } from './position.events';
import { evolveStanceTimeline, type TimelineVersion } from './stance-timeline.projection';

const versionsOf = (events: PositionEvent[]): RevisedVersion[] => {
  const versions: RevisedVersion[] = [];
  let current: TimelineVersion | null = null;
  events.forEach((event, index) => {
    const next = evolveStanceTimeline(current, event, String(index + 1));
    if (next) versions.push({ ...next, revision: String(index + 1) });
    current = next ?? current;
  });
  return versions;
};

const ids = { actorId: 'donald-trump', positionId: 'p-1' };
const stated = statedFrom(aRecordPosition({ positionId: 'p-1', recordedAt: '2025-02-27T12:00:00.000Z' }));
const withdrawn: PositionEvent = {
  type: 'PositionWithdrawn',
  data: {
    ...ids,
    effectiveAt: '2025-03-10T00:00:00.000Z',
    reason: 'walked back',
    quote: null,
    recordedAt: '2025-03-11T00:00:00.000Z',
  },
};
const retracted: PositionEvent = {
  type: 'PositionRetracted',
  data: { ...ids, reason: 'misattributed', recordedAt: '2025-03-12T00:00:00.000Z' },
};

describe('positionDetailOf', () => {
  it('is the latest version, with every version as one change in record order', () => {
    const detail = positionDetailOf(versionsOf([stated, withdrawn]));
    expect(detail).toMatchObject({
      positionId: 'p-1',
      status: 'withdrawn',
      withdrawnAt: '2025-03-10T00:00:00.000Z',
      firstRecordedAt: '2025-02-27T12:00:00.000Z',
      lastRecordedAt: '2025-03-11T00:00:00.000Z',
    });
    expect(detail?.history).toEqual([
      { change: 'stated', recordedAt: '2025-02-27T12:00:00.000Z', reason: null, revision: '1' },
      { change: 'withdrawn', recordedAt: '2025-03-11T00:00:00.000Z', reason: 'walked back', revision: '2' },
    ]);
  });

  it('says retracted once the record is retracted, and nothing without versions', () => {
    expect(positionDetailOf(versionsOf([stated, withdrawn, retracted]))?.status).toBe('retracted');
    expect(positionDetailOf([])).toBeNull();
  });
});
