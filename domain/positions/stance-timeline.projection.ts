import { time } from '../shared/time';
import { assertNever } from '../shared/assert-never';
import { defineProjection } from '../shared/projection';
import type { Condition, PositionEvent, Source } from './position.events';
import { isPositionEvent } from './position.events';
import { type EvidenceType, type Stance, type StatedAtPrecision, stanceScore } from './stance';

export type AsOf = { at: Date; knownAt: Date };

export type StanceInForce = {
  actorId: string;
  topicId: string;
  positionId: string;
  stance: Stance;
  score: number | null;
  conditions: Condition[];
  summary: string;
  quote: string | null;
  evidenceType: EvidenceType;
  statedAt: string;
  statedAtPrecision: StatedAtPrecision;
  confidence: number;
  sources: Source[];
  recordedAt: string;
};

type Folded = StanceInForce & { seq: number; withdrawnAt: string | null; retracted: boolean };

/** What choosing the position in force needs of a position; `seq` is its record order (the tie-break). */
export type Candidate = { statedAt: string; seq: number; withdrawnAt: string | null; retracted: boolean };

/** How the rule of the position in force reads a position: its times as epoch milliseconds, its record order, its retraction. */
export type InForceReader<P> = {
  statedAt: (position: P) => number;
  withdrawnAt: (position: P) => number | null;
  seq: (position: P) => number;
  retracted: (position: P) => boolean;
};

/**
 * Of one actor's positions on one topic, the one in force at `at`: the latest non-retracted one stated at or
 * before it (ties by record order), unless a withdrawal effective at or before `at` ended it.
 */
export const latestInForce = <P>(positions: Iterable<P>, at: number, read: InForceReader<P>): P | null => {
  let latest: P | null = null;
  let latestStated = 0;
  let latestSeq = 0;
  for (const position of positions) {
    const stated = read.statedAt(position);
    if (read.retracted(position) || stated > at) continue;
    const seq = read.seq(position);
    if (latest === null || stated > latestStated || (stated === latestStated && seq > latestSeq)) {
      latest = position;
      latestStated = stated;
      latestSeq = seq;
    }
  }
  if (latest === null) return null;
  const withdrawn = read.withdrawnAt(latest);
  return withdrawn === null || withdrawn > at ? latest : null;
};

const candidates: InForceReader<Candidate> = {
  statedAt: (position) => time(position.statedAt),
  withdrawnAt: (position) => (position.withdrawnAt === null ? null : time(position.withdrawnAt)),
  seq: (position) => position.seq,
  retracted: (position) => position.retracted,
};

/** latestInForce over positions that carry their times as ISO strings. */
export const positionInForce = <P extends Candidate>(positions: Iterable<P>, at: number): P | null =>
  latestInForce(positions, at, candidates);

/**
 * The definition of "stance as of": per topic, the latest position (by statedAt, ties by record order)
 * stated at or before `at`, counting only what was recorded at or before `knownAt`, with the corrections
 * recorded by then applied and retractions recorded by then removing it; a withdrawal effective at or
 * before `at` ends it. `events` are one actor's events in record order.
 */
export const stanceAsOf = (
  events: readonly { type: string; data: object }[],
  { at, knownAt }: AsOf,
): StanceInForce[] => {
  const positions = new Map<string, Folded>();
  events.forEach((event, seq) => {
    if (!isPositionEvent(event) || time(event.data.recordedAt) > knownAt.getTime()) return;
    const position = positions.get(event.data.positionId);
    switch (event.type) {
      case 'PositionStated': {
        const { recordedAt, ...data } = event.data;
        positions.set(data.positionId, {
          ...data,
          score: stanceScore(data.stance),
          recordedAt,
          seq,
          withdrawnAt: null,
          retracted: false,
        });
        return;
      }
      case 'PositionSourceAdded':
        if (position) position.sources = [...position.sources, event.data.source];
        return;
      case 'PositionWithdrawn':
        if (position) position.withdrawnAt = event.data.effectiveAt;
        return;
      case 'PositionCorrected':
        if (position) {
          Object.assign(position, event.data.changes);
          position.score = stanceScore(position.stance);
        }
        return;
      case 'PositionRetracted':
        if (position) position.retracted = true;
        return;
      default:
        assertNever(event);
    }
  });

  const byTopic = new Map<string, Folded[]>();
  for (const position of positions.values())
    byTopic.set(position.topicId, [...(byTopic.get(position.topicId) ?? []), position]);

  return [...byTopic.values()]
    .map((candidates) => positionInForce(candidates, at.getTime()))
    .filter((position): position is Folded => position !== null)
    .sort((a, b) => a.topicId.localeCompare(b.topicId))
    .map(({ seq: _seq, withdrawnAt: _withdrawnAt, retracted: _retracted, ...stance }) => stance);
};

export type TimelineChange = 'stated' | 'source-added' | 'withdrawn' | 'corrected' | 'retracted';

/** One version of one position, valid in record time over [recordedFrom, recordedTo). */
export type TimelineVersion = Omit<StanceInForce, 'recordedAt'> & {
  withdrawnAt: string | null;
  retracted: boolean;
  change: TimelineChange;
  reason: string | null;
  /** Record order of the original statement within the actor's stream: breaks statedAt ties. */
  statedRevision: string;
  firstRecordedAt: string;
  recordedFrom: string;
};

/** The stance a version puts in force: what every stance read (SQL, the stance index) answers for it. */
export const stanceOfVersion = (version: TimelineVersion): StanceInForce => ({
  actorId: version.actorId,
  topicId: version.topicId,
  positionId: version.positionId,
  stance: version.stance,
  score: version.score,
  conditions: version.conditions,
  summary: version.summary,
  quote: version.quote,
  evidenceType: version.evidenceType,
  statedAt: version.statedAt,
  statedAtPrecision: version.statedAtPrecision,
  confidence: version.confidence,
  sources: version.sources,
  recordedAt: version.firstRecordedAt,
});

/**
 * The projection's fold: the next version of a position after `event`, given its current version.
 * The current version's record-time validity ends where the next one's begins (`event.data.recordedAt`).
 */
export const evolveStanceTimeline = (
  current: TimelineVersion | null,
  event: PositionEvent,
  revision: string,
): TimelineVersion | null => {
  const recordedFrom = event.data.recordedAt;
  if (event.type === 'PositionStated') {
    // Field by field rather than a rest spread: projections fold every statement through here.
    const { data } = event;
    return {
      actorId: data.actorId,
      topicId: data.topicId,
      positionId: data.positionId,
      stance: data.stance,
      score: stanceScore(data.stance),
      conditions: data.conditions,
      summary: data.summary,
      quote: data.quote,
      evidenceType: data.evidenceType,
      statedAt: data.statedAt,
      statedAtPrecision: data.statedAtPrecision,
      confidence: data.confidence,
      sources: data.sources,
      withdrawnAt: null,
      retracted: false,
      change: 'stated',
      reason: null,
      statedRevision: revision,
      firstRecordedAt: data.recordedAt,
      recordedFrom,
    };
  }
  if (!current) return null;
  const next = { ...current, recordedFrom, reason: null };
  switch (event.type) {
    case 'PositionSourceAdded':
      return { ...next, change: 'source-added', sources: [...current.sources, event.data.source] };
    case 'PositionWithdrawn':
      return { ...next, change: 'withdrawn', withdrawnAt: event.data.effectiveAt, reason: event.data.reason };
    case 'PositionCorrected': {
      const corrected = {
        ...next,
        ...event.data.changes,
        change: 'corrected' as const,
        reason: event.data.reason,
      };
      return { ...corrected, score: stanceScore(corrected.stance) };
    }
    case 'PositionRetracted':
      return { ...next, change: 'retracted', retracted: true, reason: event.data.reason };
    default:
      return assertNever(event);
  }
};

/** The stance timeline as data: every position event makes the next version of its position. */
export const stanceTimelineProjection = defineProjection({
  name: 'stance-timeline',
  handles: [
    'PositionStated',
    'PositionSourceAdded',
    'PositionWithdrawn',
    'PositionCorrected',
    'PositionRetracted',
  ] satisfies PositionEvent['type'][],
  evolve: evolveStanceTimeline,
});
