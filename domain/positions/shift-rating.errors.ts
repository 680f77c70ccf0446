import { DomainError } from '../shared/domain-error';

export class ShiftNotFoundError extends DomainError {
  readonly code = 'SHIFT.NOT_FOUND';
  constructor(actorId: string, shiftId: string) {
    super(`Actor "${actorId}" has no shift "${shiftId}" in the stance in force as it stands.`, {
      field: 'shiftId',
      actorId,
      shiftId,
    });
  }
}

export class InvalidFlipRatingError extends DomainError {
  readonly code = 'SHIFT.RATING_INVALID';
  constructor(rating: string) {
    super(`"${rating}" is not a flip rating: use full-flop, half-flip, engagement-change or no-flip.`, {
      field: 'rating',
      rating,
    });
  }
}

export class RatingReasonRequiredError extends DomainError {
  readonly code = 'SHIFT.REASON_REQUIRED';
  constructor() {
    super("An editor's rating needs a reason.", { field: 'reason' });
  }
}
