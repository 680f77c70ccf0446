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
  /** The fields and sources as first stated, to recognise a repeated RecordPosition. */
  statedFingerprint: string;
};

export type ActorPositions =
  | { status: 'unregistered' }
  | { status: 'registered'; actorId: string; positions: Readonly<Record<string, PositionRecord>> };

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
  positionId: string,
  change: (position: PositionRecord) => PositionRecord,
): ActorPositions => {
  const position = state.positions[positionId];
  if (!position) return state;
  return { ...state, positions: { ...state.positions, [positionId]: change(position) } };
};

/** Evolves the positions of an actor; the stream also holds the actor's profile, of which only registration matters here. */
export const evolveActorPositions = (
  state: ActorPositions,
  event: PositionEvent | { type: 'ActorRegistered'; data: { actorId: string } },
): ActorPositions => {
  if (event.type === 'ActorRegistered') {
    return state.status === 'registered'
      ? state
      : { status: 'registered', actorId: event.data.actorId, positions: {} };
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
        statedFingerprint: fingerprint({ ...fields, sources }),
      };
      return { ...state, positions: { ...state.positions, [positionId]: record } };
    }
    case 'PositionSourceAdded':
      return update(state, event.data.positionId, (position) => ({
        ...position,
        sourceKeys: [...position.sourceKeys, sourceKey(event.data.source)],
      }));
    case 'PositionWithdrawn':
      return update(state, event.data.positionId, (position) => ({
        ...position,
        status: 'withdrawn',
        withdrawnAt: event.data.effectiveAt,
      }));
    case 'PositionCorrected':
      return update(state, event.data.positionId, (position) => ({ ...position, ...event.data.changes }));
    case 'PositionRetracted':
      return update(state, event.data.positionId, (position) => ({ ...position, status: 'retracted' }));
    default:
      return assertNever(event);
  }
};
