import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  actorPositionsDecider,
  actorStreamName,
  type ActorPositions,
  type Condition,
  EVIDENCE_TYPES,
  type EvidenceType,
  type PositionCommand,
  type PositionFields,
  isConditional,
  STANCES,
  STATED_AT_PRECISIONS,
  type Stance,
  type StatedAtPrecision,
  startOfPrecision,
} from '@domain/positions';
import type { NewEvent } from '../src/infrastructure/event-store/event-store.port';

const DAY = 86_400_000;
/** Record time of the generated history: positions are learned over these five and a half years. */
export const HISTORY_START = Date.parse('2020-01-01T00:00:00.000Z');
export const HISTORY_END = Date.parse('2025-06-01T00:00:00.000Z');
const CONDITION: Condition = { text: 'only with a US backstop', topicId: null };

/** The tests' seeded generator (mulberry32), so a bench run replays exactly. */
export { seededRandom } from '../test/support/generated-positions';
import { seededRandom } from '../test/support/generated-positions';

export type BenchPlan = {
  totalEvents: number;
  actors: number;
  topics: string[];
  correctionRate: number;
  retractionRate: number;
  seed: number;
};

export type StreamWrite = { streamName: string; events: NewEvent[]; recordedAt: Date };

export type ActorHistory = { actorId: string; streamName: string; events: NewEvent[] };

export const actorIdOf = (index: number): string => `bench-actor-${String(index).padStart(5, '0')}`;

export const benchTopics = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => `bench.topic-${String(index + 1).padStart(2, '0')}`);

/** 10,000 actors by default, fewer when the log is small, so that each actor keeps 10 position events or more. */
export const planFor = (
  totalEvents: number,
  requestedActors: number,
  topicCount: number,
  seed: number,
): BenchPlan => {
  const topics = benchTopics(topicCount);
  const actors = Math.max(1, Math.min(requestedActors, Math.floor((totalEvents - topics.length) / 11)));
  if (totalEvents < topics.length + actors * 2) throw new Error(`BENCH_EVENTS=${totalEvents} is too small`);
  return { totalEvents, actors, topics, correctionRate: 0.05, retractionRate: 0.05, seed };
};

/** Position events of actor `index` (its ActorRegistered excluded): the log holds exactly `totalEvents`. */
export const positionEventsOf = (plan: BenchPlan, index: number): number => {
  const positions = plan.totalEvents - plan.topics.length - plan.actors;
  return Math.floor(positions / plan.actors) + (index < positions % plan.actors ? 1 : 0);
};

const metadata = (correlationId: string) => ({
  recordedBy: 'bench',
  correlationId,
  causationId: correlationId,
});

export const topicWrites = (plan: BenchPlan): StreamWrite[] =>
  plan.topics.map((topicId) => {
    const recordedAt = new Date(HISTORY_START - 2 * DAY);
    return {
      streamName: `topic-${topicId}`,
      recordedAt,
      events: [
        {
          id: randomUUID(),
          type: 'TopicRegistered',
          schemaVersion: 1,
          data: {
            topicId,
            title: topicId,
            proposition: `Proposition ${topicId}`,
            recordedAt: recordedAt.toISOString(),
          },
          metadata: metadata(randomUUID()),
        },
      ],
    };
  });

type Held = {
  positionId: string;
  topicId: string;
  stance: Stance;
  conditions: Condition[];
  statedAt: string;
  precision: StatedAtPrecision;
  firstRecordedAt: number;
};

/**
 * One actor's stream, written directly (no decider per command, which is too slow for a million events) but
 * with the decider's rules: statedAt at the start of its precision period and never after record time, record
 * time rising along the stream, conditions exactly on conditional stances, a quote for quoted evidence, and
 * corrections and retractions only of positions that exist and are not retracted.
 */
export const generateActor = (plan: BenchPlan, index: number): ActorHistory => {
  const random = seededRandom(plan.seed * 1_000_003 + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const actorId = actorIdOf(index);
  const correlationId = randomUUID();
  const count = positionEventsOf(plan, index);
  const span = HISTORY_END - HISTORY_START;
  const events: NewEvent[] = [
    {
      id: randomUUID(),
      type: 'ActorRegistered',
      schemaVersion: 1,
      data: {
        actorId,
        name: `Bench actor ${index}`,
        kind: 'person',
        recordedAt: new Date(HISTORY_START - DAY).toISOString(),
      },
      metadata: metadata(correlationId),
    },
  ];
  const held: Held[] = [];
  const event = (type: string, data: object): NewEvent => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: metadata(correlationId),
  });
  const statedBefore = (recordedAt: number, precision: StatedAtPrecision) =>
    startOfPrecision(new Date(recordedAt - Math.floor(random() * 90 * DAY)), precision).toISOString();

  for (let n = 0; n < count; n++) {
    const now = HISTORY_START + Math.floor(((n + random()) / count) * span);
    const recordedAt = new Date(now).toISOString();
    const roll = random();
    if (held.length > 0 && roll < plan.correctionRate) {
      const position = pick(held);
      const what = random();
      const changes: Partial<PositionFields> = {};
      if (what < 0.5) {
        const stance = pick(STANCES.filter((candidate) => candidate !== position.stance));
        const conditions = isConditional(stance) ? [CONDITION] : [];
        changes.stance = stance;
        if (conditions.length !== position.conditions.length) changes.conditions = conditions;
        position.stance = stance;
        position.conditions = conditions;
      } else if (what < 0.75) {
        const statedAt = statedBefore(position.firstRecordedAt, position.precision);
        if (statedAt === position.statedAt) {
          n--;
          continue;
        }
        changes.statedAt = statedAt;
        position.statedAt = statedAt;
      } else {
        const topicId = pick(plan.topics.filter((candidate) => candidate !== position.topicId));
        changes.topicId = topicId;
        position.topicId = topicId;
      }
      events.push(
        event('PositionCorrected', {
          positionId: position.positionId,
          actorId,
          changes,
          reason: 'bench correction',
          recordedAt,
        }),
      );
    } else if (held.length > 0 && roll < plan.correctionRate + plan.retractionRate) {
      const at = Math.floor(random() * held.length);
      const [position] = held.splice(at, 1);
      events.push(
        event('PositionRetracted', {
          positionId: position.positionId,
          actorId,
          reason: 'misattributed',
          recordedAt,
        }),
      );
    } else {
      const stance = pick(STANCES);
      const evidenceType: EvidenceType = pick(EVIDENCE_TYPES);
      const precision = pick(STATED_AT_PRECISIONS);
      const statedAt = statedBefore(now, precision);
      const topicId = pick(plan.topics);
      const positionId = `${actorId}-p${n}`;
      const conditions = isConditional(stance) ? [CONDITION] : [];
      const quoted = evidenceType === 'direct-quote' || evidenceType === 'partial-quote';
      events.push(
        event('PositionStated', {
          topicId,
          stance,
          conditions,
          summary: `Bench actor ${index} on ${topicId}, statement ${n}`,
          quote: quoted ? `We will ${stance === 'oppose' ? 'not ' : ''}back it, statement ${n}` : null,
          evidenceType,
          statedAt,
          statedAtPrecision: precision,
          confidence: Math.round(random() * 100) / 100,
          positionId,
          actorId,
          sources: [
            {
              outlet: 'Bench Wire',
              articleId: `bench-${index}-${n}`,
              url: null,
              publishedOn: recordedAt.slice(0, 10),
              text: 'as reported',
              span: null,
            },
          ],
          recordedAt,
        }),
      );
      held.push({ positionId, topicId, stance, conditions, statedAt, precision, firstRecordedAt: now });
    }
  }
  return { actorId, streamName: actorStreamName(actorId), events };
};

/** Cuts a stream into appends of at most `batch` events, each stamped with its last event's record time. */
export const streamWrites = (history: ActorHistory, batch: number): StreamWrite[] => {
  const writes: StreamWrite[] = [];
  for (let start = 0; start < history.events.length; start += batch) {
    const events = history.events.slice(start, start + batch);
    const last = events[events.length - 1].data as { recordedAt: string };
    writes.push({ streamName: history.streamName, events, recordedAt: new Date(last.recordedAt) });
  }
  return writes;
};

/**
 * Replays a generated stream through the real decider, one command per event, and checks that the decider
 * accepts each and decides exactly that event: proof that the direct generator writes only valid histories.
 */
export const validateWithDecider = (history: ActorHistory, topics: string[]): void => {
  let state: ActorPositions = actorPositionsDecider.initialState();
  history.events.forEach((stored, at) => {
    const event = { type: stored.type, data: stored.data } as Parameters<
      typeof actorPositionsDecider.evolve
    >[1];
    if (stored.type !== 'ActorRegistered') {
      const data = stored.data as Record<string, unknown>;
      const commandType = {
        PositionStated: 'RecordPosition',
        PositionCorrected: 'CorrectPosition',
        PositionRetracted: 'RetractPosition',
      }[stored.type];
      if (!commandType) throw new Error(`unexpected ${stored.type}`);
      const command = {
        type: commandType,
        data: commandType === 'RetractPosition' ? data : { ...data, knownTopicIds: topics },
      } as unknown as PositionCommand;
      const decided = actorPositionsDecider.decide(command, state);
      if (decided.length !== 1 || !isDeepStrictEqual(decided[0], event)) {
        throw new Error(
          `${history.actorId} event ${at}: the decider decided ${JSON.stringify(decided)} for ${JSON.stringify(event)}`,
        );
      }
    }
    state = actorPositionsDecider.evolve(state, event);
  });
};
