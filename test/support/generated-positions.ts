import {
  actorPositionsDecider,
  decideActorPositions,
  type ActorPositions,
  type PositionCommand,
  type PositionEvent,
  STANCES,
  STATED_AT_PRECISIONS,
  type Stance,
} from '@domain/positions';
import { DomainError } from '@domain/shared/domain-error';

/** mulberry32: a seeded generator, so a failing run can be replayed exactly. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const DAY = 86_400_000;

export type GeneratedHistory = {
  actorId: string;
  events: { type: string; data: object }[];
  writes: PositionEvent[][];
};

/**
 * Drives the real decider with random commands (record, source, correct, withdraw, retract), keeping only
 * what it accepts: every generated history is one the service itself could have produced.
 */
export const generateHistory = (
  actorId: string,
  topics: string[],
  commands: number,
  random: () => number,
  start: number,
): GeneratedHistory => {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const registered = {
    type: 'ActorRegistered',
    data: { actorId, name: actorId, kind: 'person', recordedAt: new Date(start).toISOString() },
  };
  let state: ActorPositions = actorPositionsDecider.evolve(actorPositionsDecider.initialState(), registered);
  const positionIds: string[] = [];
  const writes: PositionEvent[][] = [];
  let now = start;
  for (let index = 0; index < commands; index++) {
    now += Math.floor(random() * 6 * 3_600_000) + 1;
    const recordedAt = new Date(now).toISOString();
    const roll = random();
    const positionId = positionIds.length > 0 ? pick(positionIds) : 'none';
    const stance: Stance = pick(STANCES);
    const conditional = stance === 'conditional-support' || stance === 'conditional-opposition';
    const statedAt = new Date(now - Math.floor(random() * 90 * DAY)).toISOString();
    let command: PositionCommand;
    if (roll < 0.6 || positionIds.length === 0) {
      const id = `${actorId}-p${index}`;
      command = {
        type: 'RecordPosition',
        data: {
          positionId: id,
          actorId,
          topicId: pick(topics),
          stance,
          conditions: conditional ? [{ text: 'if others do', topicId: null }] : [],
          summary: `summary ${index}`,
          quote: null,
          evidenceType: 'paraphrase',
          statedAt,
          statedAtPrecision: pick(STATED_AT_PRECISIONS),
          confidence: Math.round(random() * 100) / 100,
          sources: [
            {
              outlet: 'Gen',
              articleId: `a-${index}`,
              url: null,
              publishedOn: null,
              text: 'words',
              span: null,
            },
          ],
          recordedAt,
          knownTopicIds: topics,
        },
      };
    } else if (roll < 0.7) {
      const source = {
        outlet: 'Other',
        articleId: `b-${index}`,
        url: null,
        publishedOn: null,
        text: 'more words',
        span: null,
      };
      command = { type: 'AddSource', data: { positionId, actorId, source, recordedAt } };
    } else if (roll < 0.85) {
      const changes =
        random() < 0.5
          ? { stance, conditions: conditional ? [{ text: 'unless', topicId: null }] : [] }
          : random() < 0.5
            ? { statedAt }
            : { topicId: pick(topics) };
      command = {
        type: 'CorrectPosition',
        data: { positionId, actorId, changes, reason: 'fix', recordedAt, knownTopicIds: topics },
      };
    } else if (roll < 0.93) {
      const effectiveAt = new Date(now - Math.floor(random() * 30 * DAY)).toISOString();
      command = {
        type: 'WithdrawPosition',
        data: { positionId, actorId, effectiveAt, reason: 'walked back', quote: null, recordedAt },
      };
    } else {
      command = {
        type: 'RetractPosition',
        data: { positionId, actorId, reason: 'misattributed', recordedAt },
      };
    }
    try {
      const events = decideActorPositions(command, state) as PositionEvent[];
      if (events.length === 0) continue;
      state = events.reduce(actorPositionsDecider.evolve, state);
      writes.push(events);
      if (command.type === 'RecordPosition') positionIds.push(command.data.positionId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { actorId, events: [registered, ...writes.flat()], writes };
};
