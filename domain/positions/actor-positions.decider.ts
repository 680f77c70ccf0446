import { time } from '../shared/time';
import { ActorNotFoundError } from '../actors/actor.errors';
import { assertNever } from '../shared/assert-never';
import type { Decider } from '../shared/decider';
import { UnknownTopicError } from '../topics/topic.errors';
import type {
  ActorPositionsCommand,
  AddSource,
  CorrectPosition,
  RateShift,
  RecordPosition,
  RetractPosition,
  WithdrawPosition,
} from './position.commands';
import {
  ConditionsNotAllowedError,
  ConditionsRequiredError,
  DuplicateSourceError,
  EmptyCorrectionError,
  InvalidConfidenceError,
  InvalidSpanError,
  PositionAlreadyWithdrawnError,
  PositionIdConflictError,
  PositionNotFoundError,
  PositionRetractedError,
  QuotationRequiredError,
  RecordedBeforeLastChangeError,
  SourceRequiredError,
  StatedAfterRecordedError,
  StatementOutlivesWithdrawalError,
  WithdrawalAfterRecordedError,
  WithdrawalBeforeStatementError,
} from './position.errors';
import {
  CORRECTABLE_FIELDS,
  isPositionEvent,
  type PositionEvent,
  type PositionFields,
  type ShiftRatingOverridden,
  type Source,
  sourceKey,
} from './position.events';
import {
  type ActorPositions,
  evolveActorPositions,
  fingerprint,
  initialActorPositions,
  type PositionRecord,
  positionFields,
} from './actor-positions.state';
import { isFlipRating } from './shift-rating';
import { InvalidFlipRatingError, RatingReasonRequiredError, ShiftNotFoundError } from './shift-rating.errors';
import { isConditional, startOfPrecision } from './stance';

type Registered = Extract<ActorPositions, { status: 'registered' }>;

const registered = (state: ActorPositions, actorId: string): Registered => {
  if (state.status !== 'registered') throw new ActorNotFoundError(actorId);
  return state;
};

/** `recordedAt` is the change's record time: never before the position's latest change (backfills included). */
const activePosition = (state: Registered, positionId: string, recordedAt: string): PositionRecord => {
  const position = state.positions.get(positionId);
  if (!position) throw new PositionNotFoundError(state.actorId, positionId);
  if (position.status === 'retracted') throw new PositionRetractedError(positionId);
  if (time(recordedAt) < time(position.lastRecordedAt))
    throw new RecordedBeforeLastChangeError(positionId, recordedAt, position.lastRecordedAt);
  return position;
};

/** statedAt is stored as the start of its precision period, so equal statements compare equal. */
const normaliseStatedAt = (fields: PositionFields): PositionFields => ({
  ...fields,
  statedAt: startOfPrecision(new Date(fields.statedAt), fields.statedAtPrecision).toISOString(),
});

const assertSources = (sources: readonly Source[], field: string): void => {
  sources.forEach((source, index) => {
    if (source.span && !(source.span.start >= 0 && source.span.end > source.span.start)) {
      throw new InvalidSpanError(`${field}[${index}].span`);
    }
  });
};

/** Topics never disappear, so only the topics a command names need to be looked up. */
const assertTopicsKnown = (fields: Partial<PositionFields>, knownTopicIds: readonly string[]): void => {
  if (fields.topicId !== undefined && !knownTopicIds.includes(fields.topicId)) {
    throw new UnknownTopicError(fields.topicId, 'topicId');
  }
  fields.conditions?.forEach((condition, index) => {
    if (condition.topicId && !knownTopicIds.includes(condition.topicId)) {
      throw new UnknownTopicError(condition.topicId, `conditions[${index}].topicId`);
    }
  });
};

const assertPositionFields = (fields: PositionFields, firstRecordedAt: string): void => {
  if (time(fields.statedAt) > time(firstRecordedAt))
    throw new StatedAfterRecordedError(fields.statedAt, firstRecordedAt);
  if (
    (fields.evidenceType === 'direct-quote' || fields.evidenceType === 'partial-quote') &&
    !fields.quote?.trim()
  ) {
    throw new QuotationRequiredError(fields.evidenceType);
  }
  if (isConditional(fields.stance) && fields.conditions.length === 0)
    throw new ConditionsRequiredError(fields.stance);
  if (!isConditional(fields.stance) && fields.conditions.length > 0)
    throw new ConditionsNotAllowedError(fields.stance);
  if (!(fields.confidence >= 0 && fields.confidence <= 1))
    throw new InvalidConfidenceError(fields.confidence);
};

const recordPosition = ({ data }: RecordPosition, state: ActorPositions): PositionEvent[] => {
  const actor = registered(state, data.actorId);
  const { positionId, actorId, sources, recordedAt } = data;
  const fields = normaliseStatedAt(positionFields(data));
  const existing = actor.positions.get(positionId);
  if (existing) {
    if (existing.statedFingerprint === fingerprint({ ...fields, sources })) return [];
    throw new PositionIdConflictError(positionId);
  }
  assertTopicsKnown(fields, data.knownTopicIds);
  assertPositionFields(fields, recordedAt);
  if (sources.length === 0) throw new SourceRequiredError();
  assertSources(sources, 'sources');
  const keys = sources.map(sourceKey);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated) throw new DuplicateSourceError(positionId, repeated);
  return [{ type: 'PositionStated', data: { ...fields, positionId, actorId, sources, recordedAt } }];
};

const addSource = ({ data }: AddSource, state: ActorPositions): PositionEvent[] => {
  const position = activePosition(registered(state, data.actorId), data.positionId, data.recordedAt);
  assertSources([data.source], 'source');
  const key = sourceKey(data.source);
  if (position.sourceKeys.includes(key)) throw new DuplicateSourceError(data.positionId, key);
  return [{ type: 'PositionSourceAdded', data }];
};

const withdrawPosition = ({ data }: WithdrawPosition, state: ActorPositions): PositionEvent[] => {
  const position = activePosition(registered(state, data.actorId), data.positionId, data.recordedAt);
  if (position.withdrawnAt) throw new PositionAlreadyWithdrawnError(data.positionId, position.withdrawnAt);
  if (time(data.effectiveAt) < time(position.statedAt)) {
    throw new WithdrawalBeforeStatementError(data.effectiveAt, position.statedAt);
  }
  if (time(data.effectiveAt) > time(data.recordedAt)) {
    throw new WithdrawalAfterRecordedError(data.effectiveAt, data.recordedAt);
  }
  const effectiveAt = new Date(data.effectiveAt).toISOString();
  return [{ type: 'PositionWithdrawn', data: { ...data, effectiveAt } }];
};

const sameValue = (a: unknown, b: unknown): boolean => fingerprint(a) === fingerprint(b);

const correctPosition = ({ data }: CorrectPosition, state: ActorPositions): PositionEvent[] => {
  const position = activePosition(registered(state, data.actorId), data.positionId, data.recordedAt);
  const current = positionFields(position);
  const proposed = normaliseStatedAt({ ...current, ...data.changes });
  const changes: Partial<PositionFields> = {};
  for (const field of CORRECTABLE_FIELDS) {
    if (data.changes[field] !== undefined && !sameValue(proposed[field], current[field])) {
      Object.assign(changes, { [field]: proposed[field] });
    }
  }
  if (Object.keys(changes).length === 0) throw new EmptyCorrectionError(data.positionId);
  assertTopicsKnown(changes, data.knownTopicIds);
  assertPositionFields(proposed, position.firstRecordedAt);
  if (position.withdrawnAt && time(proposed.statedAt) > time(position.withdrawnAt)) {
    throw new StatementOutlivesWithdrawalError(proposed.statedAt, position.withdrawnAt);
  }
  const { positionId, actorId, reason, recordedAt } = data;
  return [{ type: 'PositionCorrected', data: { positionId, actorId, changes, reason, recordedAt } }];
};

const retractPosition = ({ data }: RetractPosition, state: ActorPositions): PositionEvent[] => {
  activePosition(registered(state, data.actorId), data.positionId, data.recordedAt);
  return [{ type: 'PositionRetracted', data }];
};

const rateShift = ({ data }: RateShift, state: ActorPositions): ShiftRatingOverridden[] => {
  registered(state, data.actorId);
  const { actorId, shiftId, rating, recordedAt } = data;
  const shift = data.knownShifts.find((known) => known.shiftId === shiftId);
  if (!shift) throw new ShiftNotFoundError(actorId, shiftId);
  if (!isFlipRating(rating)) throw new InvalidFlipRatingError(rating);
  const reason = data.reason.trim();
  if (!reason) throw new RatingReasonRequiredError();
  return [
    {
      type: 'ShiftRatingOverridden',
      data: { actorId, topicId: shift.topicId, shiftId, rating, reason, recordedAt },
    },
  ];
};

export const decideActorPositions = (
  command: ActorPositionsCommand,
  state: ActorPositions,
): (PositionEvent | ShiftRatingOverridden)[] => {
  switch (command.type) {
    case 'RecordPosition':
      return recordPosition(command, state);
    case 'AddSource':
      return addSource(command, state);
    case 'WithdrawPosition':
      return withdrawPosition(command, state);
    case 'CorrectPosition':
      return correctPosition(command, state);
    case 'RetractPosition':
      return retractPosition(command, state);
    case 'RateShift':
      return rateShift(command, state);
    default:
      return assertNever(command);
  }
};

type ActorStreamEvent = PositionEvent | { type: string; data: object };

export const actorPositionsDecider: Decider<ActorPositions, ActorPositionsCommand, ActorStreamEvent> = {
  decide: decideActorPositions,
  evolve: (state, event) =>
    isPositionEvent(event) || event.type === 'ActorRegistered'
      ? evolveActorPositions(state, event as Parameters<typeof evolveActorPositions>[1])
      : state,
  initialState: initialActorPositions,
  stateSchema: { name: 'actor-positions', version: 1 },
};
