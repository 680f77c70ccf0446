import { defineProjection } from '../shared/projection';
import { type FlipRating, rateFlip } from './flip-rating';
import type { Condition, PositionCorrected, PositionEvent } from './position.events';
import { type Stance, stanceScore } from './stance';
import { positionInForce } from './stance-timeline.projection';

/** What following the stance in force needs of a position; `seq` is the record order of its statement. */
export type TrackedPosition = {
  positionId: string;
  actorId: string;
  topicId: string;
  stance: Stance;
  conditions: Condition[];
  summary: string;
  statedAt: string;
  seq: number;
  withdrawnAt: string | null;
  retracted: boolean;
};

export type StanceNow = {
  positionId: string;
  stance: Stance;
  score: number | null;
  conditions: Condition[];
  summary: string;
  statedAt: string;
};

/** The stance in force now on one topic, before and after one event, rated on the Flip-O-Meter. */
export type StanceChange = {
  actorId: string;
  topicId: string;
  before: StanceNow | null;
  after: StanceNow | null;
  rating: FlipRating;
};

/** Every statement is at or before its record time, so the stance in force now is the one in force at any later time. */
const stanceNow = (
  positions: Iterable<TrackedPosition>,
  actorId: string,
  topicId: string,
): StanceNow | null => {
  const onTopic = [...positions].filter(
    (position) => position.actorId === actorId && position.topicId === topicId,
  );
  const current = positionInForce(onTopic, Number.POSITIVE_INFINITY);
  if (!current) return null;
  const { positionId, stance, conditions, summary, statedAt } = current;
  return { positionId, stance, score: stanceScore(current.stance), conditions, summary, statedAt };
};

const trackedChanges = (changes: PositionCorrected['data']['changes']) =>
  Object.fromEntries(
    Object.entries({
      topicId: changes.topicId,
      stance: changes.stance,
      conditions: changes.conditions,
      summary: changes.summary,
      statedAt: changes.statedAt,
    }).filter(([, value]) => value !== undefined),
  );

const next = (
  current: TrackedPosition | undefined,
  event: PositionEvent,
  seq: number,
): TrackedPosition | undefined => {
  const position: TrackedPosition | undefined = current && { ...current };
  switch (event.type) {
    case 'PositionStated': {
      const { positionId, actorId, topicId, stance, conditions, summary, statedAt } = event.data;
      return {
        positionId,
        actorId,
        topicId,
        stance,
        conditions,
        summary,
        statedAt,
        seq,
        withdrawnAt: null,
        retracted: false,
      };
    }
    case 'PositionWithdrawn':
      if (position) position.withdrawnAt = event.data.effectiveAt;
      return position;
    case 'PositionCorrected':
      return position && { ...position, ...trackedChanges(event.data.changes) };
    case 'PositionRetracted':
      if (position) position.retracted = true;
      return position;
    default:
      return position;
  }
};

/**
 * Applies one event (record order `seq`) to an actor's tracked positions, in place, and tells how the stance in
 * force now changed on each topic the event touches. The one definition behind webhooks' and the stream's
 * `stance.changed`.
 */
export const trackStanceChanges = (
  positions: Map<string, TrackedPosition>,
  event: PositionEvent,
  seq: number,
): { position: TrackedPosition | null; changes: StanceChange[] } => {
  const { actorId, positionId } = event.data;
  const current = positions.get(positionId);
  const topics = new Set<string>();
  if (current) topics.add(current.topicId);
  if (event.type === 'PositionStated') topics.add(event.data.topicId);
  if (event.type === 'PositionCorrected' && event.data.changes.topicId)
    topics.add(event.data.changes.topicId);
  const before = new Map(
    [...topics].map((topicId) => [topicId, stanceNow(positions.values(), actorId, topicId)]),
  );
  const position = next(current, event, seq);
  if (!position) return { position: null, changes: [] };
  positions.set(positionId, position);
  const changes: StanceChange[] = [];
  for (const [topicId, was] of before) {
    const now = stanceNow(positions.values(), actorId, topicId);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes.push({ actorId, topicId, before: was, after: now, rating: rateFlip(was, now) });
  }
  return { position, changes };
};

/** What webhooks and the event stream follow: the stance in force per topic (a new source changes none). */
export const stanceChangesProjection = defineProjection({
  name: 'webhooks',
  handles: [
    'PositionStated',
    'PositionWithdrawn',
    'PositionCorrected',
    'PositionRetracted',
  ] satisfies PositionEvent['type'][],
  evolve: trackStanceChanges,
});
