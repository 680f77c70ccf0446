import { Map as PersistentMap } from 'immutable';
import { assertNever } from '../shared/assert-never';
import { canonicalJson } from '../shared/canonical-json';
import type { PositionEvent, PositionFields } from './position.events';
import { sourceKey } from './position.events';

export type PositionRecord = PositionFields & {
  positionId: string;
  status: 'stated' | 'withdrawn' | 'retracted';
  withdrawnAt: string | null;
  sourceKeys: readonly string[];
  firstRecordedAt: string;
  /** Record time of its latest change: a backfilled change may not come before it. */
  lastRecordedAt: string;
  /** The fields and sources as first stated, to recognise a repeated RecordPosition. */
  statedFingerprint: string;
};

/**
 * `positions` is a persistent map: one event adds or replaces one entry and shares the rest, so evolving an actor
 * with thousands of positions costs what it costs for one (an object spread copied them all, on every event).
 */
export type ActorPositions =
  | { status: 'unregistered' }
  | { status: 'registered'; actorId: string; positions: PersistentMap<string, PositionRecord> };

export const initialActorPositions = (): ActorPositions => ({ status: 'unregistered' });

export const fingerprint = canonicalJson;

export const positionFields = (data: PositionFields): PositionFields => ({
  topicId: data.topicId,
  stance: data.stance,
  conditions: data.conditions,
  summary: data.summary,
  quote: data.quote,
  evidenceType: data.evidenceType,
  statedAt: data.statedAt,
  statedAtPrecision: data.statedAtPrecision,
  confidence: data.confidence,
});

const update = (
  state: Extract<ActorPositions, { status: 'registered' }>,
  { positionId, recordedAt }: { positionId: string; recordedAt: string },
  change: (position: PositionRecord) => PositionRecord,
): ActorPositions => {
  const position = state.positions.get(positionId);
  if (!position) return state;
  return {
    ...state,
    positions: state.positions.set(positionId, { ...change(position), lastRecordedAt: recordedAt }),
  };
};

/** Evolves the positions of an actor; the stream also holds the actor's profile, of which only registration matters here. */
export const evolveActorPositions = (
  state: ActorPositions,
  event: PositionEvent | { type: 'ActorRegistered'; data: { actorId: string } },
): ActorPositions => {
  if (event.type === 'ActorRegistered') {
    return state.status === 'registered'
      ? state
      : { status: 'registered', actorId: event.data.actorId, positions: PersistentMap() };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'PositionStated': {
      const { positionId, sources, recordedAt } = event.data;
      const fields = positionFields(event.data);
      const record: PositionRecord = {
        ...fields,
        positionId,
        status: 'stated',
        withdrawnAt: null,
        sourceKeys: sources.map(sourceKey),
        firstRecordedAt: recordedAt,
        lastRecordedAt: recordedAt,
        statedFingerprint: fingerprint({ ...fields, sources }),
      };
      return { ...state, positions: state.positions.set(positionId, record) };
    }
    case 'PositionSourceAdded':
      return update(state, event.data, (position) => ({
        ...position,
        sourceKeys: [...position.sourceKeys, sourceKey(event.data.source)],
      }));
    case 'PositionWithdrawn':
      return update(state, event.data, (position) => ({
        ...position,
        status: 'withdrawn',
        withdrawnAt: event.data.effectiveAt,
      }));
    case 'PositionCorrected':
      return update(state, event.data, (position) => ({ ...position, ...event.data.changes }));
    case 'PositionRetracted':
      return update(state, event.data, (position) => ({ ...position, status: 'retracted' }));
    default:
      return assertNever(event);
  }
};
