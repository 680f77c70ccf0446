import { rateFlip } from '../positions';
import { type ShiftPosition, shiftIdOf, shiftsOf } from './shifts';

const topicId = 'ukraine.security-guarantees.us';
const position = (
  positionId: string,
  statedAt: string,
  overrides: Partial<ShiftPosition> = {},
): ShiftPosition => ({
  positionId,
  topicId,
  stance: 'support',
  score: 1,
  conditions: [],
  summary: positionId,
  statedAt,
  seq: 0,
  withdrawnAt: null,
  retracted: false,
  firstRecordedAt: '2025-03-01T00:00:00.000Z',
  withdrawalRecordedAt: null,
  ...overrides,
});

describe('shiftsOf', () => {
  it('lists each change of the stance in force with before, after and the flip rating', () => {
    const first = position('p-1', '2025-02-20T00:00:00.000Z');
    const second = position('p-2', '2025-02-26T00:00:00.000Z', {
      stance: 'oppose',
      score: -1,
      seq: 1,
      withdrawnAt: '2025-03-10T00:00:00.000Z',
      withdrawalRecordedAt: '2025-03-11T00:00:00.000Z',
    });
    const shifts = shiftsOf([second, first]);
    expect(
      shifts.map(({ shiftId, validAt, recordedAt, cause, rating }) => [
        shiftId,
        validAt,
        recordedAt,
        cause,
        rating,
      ]),
    ).toEqual([
      [
        shiftIdOf(topicId, null, 'p-1'),
        '2025-02-20T00:00:00.000Z',
        '2025-03-01T00:00:00.000Z',
        'stated',
        'engagement-change',
      ],
      [
        shiftIdOf(topicId, 'p-1', 'p-2'),
        '2025-02-26T00:00:00.000Z',
        '2025-03-01T00:00:00.000Z',
        'stated',
        'full-flop',
      ],
      [
        shiftIdOf(topicId, 'p-2', null),
        '2025-03-10T00:00:00.000Z',
        '2025-03-11T00:00:00.000Z',
        'withdrawn',
        'engagement-change',
      ],
    ]);
    expect(shifts[1].before).toMatchObject({ positionId: 'p-1', stance: 'support' });
    expect(shifts[1].rating).toBe(rateFlip(first, second));
  });

  it('skips retracted positions', () => {
    const later = position('p-2', '2025-02-26T00:00:00.000Z', { seq: 1 });
    const retracted = position('p-3', '2025-02-27T00:00:00.000Z', {
      seq: 2,
      stance: 'oppose',
      retracted: true,
    });
    expect(shiftsOf([later, retracted]).map((shift) => shift.shiftId)).toEqual([
      shiftIdOf(topicId, null, 'p-2'),
    ]);
  });

  it("shows the latest editor's override beside the computed rating", () => {
    const shiftId = shiftIdOf(topicId, null, 'p-1');
    const [shift] = shiftsOf(
      [position('p-1', '2025-02-20T00:00:00.000Z')],
      [
        { shiftId, rating: 'half-flip', reason: 'second', recordedAt: '2025-03-03T00:00:00.000Z' },
        { shiftId, rating: 'no-flip', reason: 'first', recordedAt: '2025-03-02T00:00:00.000Z' },
      ],
    );
    expect(shift).toMatchObject({
      rating: 'engagement-change',
      override: { rating: 'half-flip', reason: 'second' },
    });
  });
});
