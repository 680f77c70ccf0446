import type { Command } from '../shared/decider';
import type { PositionFields, Source } from './position.events';

/** What an actor stated and the evidence for it: a position as recorded, before it has an id or a record time. */
export type PositionStatement = PositionFields & { sources: Source[] };

/** `knownTopicIds`: which of the referenced topics exist, looked up by the caller (deciders do no IO). */
export type RecordPosition = Command<
  'RecordPosition',
  PositionStatement & {
    positionId: string;
    actorId: string;
    recordedAt: string;
    knownTopicIds: string[];
  }
>;
export type AddSource = Command<
  'AddSource',
  { positionId: string; actorId: string; source: Source; recordedAt: string }
>;
export type WithdrawPosition = Command<
  'WithdrawPosition',
  {
    positionId: string;
    actorId: string;
    effectiveAt: string;
    reason: string;
    quote: string | null;
    recordedAt: string;
  }
>;
export type CorrectPosition = Command<
  'CorrectPosition',
  {
    positionId: string;
    actorId: string;
    changes: Partial<PositionFields>;
    reason: string;
    recordedAt: string;
    knownTopicIds: string[];
  }
>;
export type RetractPosition = Command<
  'RetractPosition',
  { positionId: string; actorId: string; reason: string; recordedAt: string }
>;

/** `knownShifts`: the actor's shifts as they stand now, computed by the caller from the stance timeline. */
export type RateShift = Command<
  'RateShift',
  {
    actorId: string;
    shiftId: string;
    rating: string;
    reason: string;
    recordedAt: string;
    knownShifts: { shiftId: string; topicId: string }[];
  }
>;

/** What a caller says about a recorded position; the handler adds the ids, the record time and what it looks up. */
export type PositionWithdrawal = Pick<WithdrawPosition['data'], 'effectiveAt' | 'reason' | 'quote'>;
export type PositionCorrection = Pick<CorrectPosition['data'], 'changes' | 'reason'>;
export type PositionRetraction = Pick<RetractPosition['data'], 'reason'>;
export type ShiftRatingDecision = Pick<RateShift['data'], 'rating' | 'reason'>;

export type PositionCommand =
  RecordPosition | AddSource | WithdrawPosition | CorrectPosition | RetractPosition;

/** Everything an actor's position stream decides: changes to positions, and editors' ratings of shifts. */
export type ActorPositionsCommand = PositionCommand | RateShift;
