import { IsIn, IsString, Length, Matches } from 'class-validator';
import { FLIP_RATINGS, type ShiftRatingDecision } from '@domain/positions';
import { ActorParams } from '../../positions/shared/position-params.request';

export class ShiftParams extends ActorParams {
  @Matches(/^[A-Za-z0-9._:~-]{1,300}$/, { message: 'shiftId must be a shiftId returned by the shifts route' })
  shiftId!: string;
}

export class RateShiftRequest {
  /** The editor's rating: full-flop, half-flip, engagement-change or no-flip. */
  @IsIn(FLIP_RATINGS)
  rating!: string;

  /** Why the computed rating is overridden. */
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

/** The reason goes as sent: the decider trims it, and refuses one that is only blanks. */
export const toDecision = (request: RateShiftRequest): ShiftRatingDecision => ({
  rating: request.rating,
  reason: request.reason,
});
