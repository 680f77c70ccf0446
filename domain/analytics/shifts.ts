import { time } from '../shared/time';
import {
  type Candidate,
  type Condition,
  type FlipRating,
  positionInForce,
  rateFlip,
  type Stance,
} from '../positions';

/** One position as known at the query's knownAt, with the record times of its statement and of its withdrawal. */
export type ShiftPosition = Candidate & {
  positionId: string;
  topicId: string;
  stance: Stance;
  score: number | null;
  conditions: Condition[];
  summary: string;
  firstRecordedAt: string;
  withdrawalRecordedAt: string | null;
};

export type ShiftSide = {
  positionId: string;
  stance: Stance;
  score: number | null;
  conditions: Condition[];
  summary: string;
  statedAt: string;
};

export type RatingOverride = { rating: FlipRating; reason: string; recordedAt: string };

/**
 * A change of the stance in force on one topic. `validAt`: when it took effect (a statement, or a withdrawal);
 * `recordedAt`: when we first recorded the statement or the withdrawal that caused it.
 */
export type Shift = {
  shiftId: string;
  topicId: string;
  validAt: string;
  recordedAt: string;
  cause: 'stated' | 'withdrawn';
  before: ShiftSide | null;
  after: ShiftSide | null;
  rating: FlipRating;
  override: RatingOverride | null;
};

/** The stances in force only ever move to a later statement, so a shift is named by its topic and its two positions. */
export const shiftIdOf = (topicId: string, beforeId: string | null, afterId: string | null): string =>
  `${topicId}~${beforeId ?? 'none'}~${afterId ?? 'none'}`;

const side = (position: ShiftPosition | null): ShiftSide | null =>
  position && {
    positionId: position.positionId,
    stance: position.stance,
    score: position.score,
    conditions: position.conditions,
    summary: position.summary,
    statedAt: position.statedAt,
  };

const shiftsOnTopic = (topicId: string, positions: ShiftPosition[]): Shift[] => {
  const live = positions.filter((position) => !position.retracted);
  const moments = [
    ...new Set(
      live.flatMap((position) => [
        position.statedAt,
        ...(position.withdrawnAt ? [position.withdrawnAt] : []),
      ]),
    ),
  ].sort((a, b) => time(a) - time(b));
  const shifts: Shift[] = [];
  let previous = null as ShiftPosition | null;
  for (const moment of moments) {
    const current = positionInForce(live, time(moment));
    if (current?.positionId === previous?.positionId) continue;
    const [before, after] = [side(previous), side(current)];
    shifts.push({
      shiftId: shiftIdOf(topicId, previous?.positionId ?? null, current?.positionId ?? null),
      topicId,
      validAt: moment,
      recordedAt: current
        ? current.firstRecordedAt
        : ((previous as ShiftPosition).withdrawalRecordedAt ?? (previous as ShiftPosition).firstRecordedAt),
      cause: current ? 'stated' : 'withdrawn',
      before,
      after,
      rating: rateFlip(before, after),
      override: null,
    });
    previous = current;
  }
  return shifts;
};

/**
 * Every change of the stance in force, per topic, in valid-time order, from one actor's positions as known at one
 * record time; the latest override recorded for a shift replaces nothing but is shown beside the computed rating.
 */
export const shiftsOf = (
  positions: readonly ShiftPosition[],
  overrides: readonly (RatingOverride & { shiftId: string })[] = [],
): Shift[] => {
  const byTopic = new Map<string, ShiftPosition[]>();
  for (const position of positions)
    byTopic.set(position.topicId, [...(byTopic.get(position.topicId) ?? []), position]);
  const latest = new Map<string, RatingOverride>();
  for (const { shiftId, ...override } of [...overrides].sort(
    (a, b) => time(a.recordedAt) - time(b.recordedAt),
  ))
    latest.set(shiftId, override);
  return [...byTopic.entries()]
    .flatMap(([topicId, onTopic]) => shiftsOnTopic(topicId, onTopic))
    .map((shift) => ({ ...shift, override: latest.get(shift.shiftId) ?? null }))
    .sort(
      (a, b) =>
        time(a.validAt) - time(b.validAt) ||
        a.topicId.localeCompare(b.topicId) ||
        a.shiftId.localeCompare(b.shiftId),
    );
};
