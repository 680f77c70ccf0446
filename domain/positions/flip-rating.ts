import type { Condition } from './position.events';
import { type Stance, stanceScore } from './stance';

/** PolitiFact's Flip-O-Meter, applied to a change of the stance in force. */
export type FlipRating = 'full-flop' | 'half-flip' | 'engagement-change' | 'no-flip';

export type RatedStance = { stance: Stance; conditions: readonly Condition[] } | null;

/** The score of an engaged stance; null for hedged, no-comment and no stance at all. */
const engagedScore = (stance: RatedStance): number | null => {
  const score = stance ? stanceScore(stance.stance) : null;
  return score === null || score === 0 ? null : score;
};

const conditionKeys = (stance: RatedStance): Set<string> =>
  new Set(
    (stance?.conditions ?? []).map((condition) => condition.topicId ?? condition.text.trim().toLowerCase()),
  );

/**
 * full-flop: the score changes sign; engagement-change: into or out of hedged, no-comment or no stance at all;
 * half-flip: the score moves by 0.5 or more without changing sign, or conditions come or go; else no-flip.
 */
export const rateFlip = (before: RatedStance, after: RatedStance): FlipRating => {
  const from = engagedScore(before);
  const to = engagedScore(after);
  if (from !== null && to !== null) {
    if (Math.sign(from) !== Math.sign(to)) return 'full-flop';
    const [old, now] = [conditionKeys(before), conditionKeys(after)];
    const conditionsMoved = old.size !== now.size || [...old].some((key) => !now.has(key));
    return Math.abs(to - from) >= 0.5 || conditionsMoved ? 'half-flip' : 'no-flip';
  }
  if ((from === null) !== (to === null)) return 'engagement-change';
  return before?.stance === after?.stance ? 'no-flip' : 'engagement-change';
};
