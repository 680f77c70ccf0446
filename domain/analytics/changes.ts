import { type Condition, type FlipRating, rateFlip, type Stance } from '../positions';

type Held = { positionId: string; stance: Stance; conditions: readonly Condition[] };

/** started: no stance before; ended: none after; changed: another stance; restated: a new position, same stance. */
export type ChangeKind = 'started' | 'ended' | 'changed' | 'restated';

/** How the stance in force on one topic moved between two valid times; null when the same position holds. */
export const changeBetween = <S extends Held>(
  before: S | null,
  after: S | null,
): { kind: ChangeKind; before: S | null; after: S | null; rating: FlipRating } | null => {
  if (before?.positionId === after?.positionId) return null;
  const rating = rateFlip(before, after);
  const kind: ChangeKind = !before
    ? 'started'
    : !after
      ? 'ended'
      : before.stance === after.stance && rating === 'no-flip'
        ? 'restated'
        : 'changed';
  return { kind, before, after, rating };
};
