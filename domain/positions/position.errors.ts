import { DomainError } from '../shared/domain-error';

export class PositionNotFoundError extends DomainError {
  readonly code = 'POSITION.NOT_FOUND';
  constructor(actorId: string, positionId: string) {
    super(`Actor "${actorId}" has no position "${positionId}".`, { actorId, positionId });
  }
}

export class PositionRetractedError extends DomainError {
  readonly code = 'POSITION.RETRACTED';
  constructor(positionId: string) {
    super(`Position "${positionId}" was retracted; a retracted record cannot be changed.`, { positionId });
  }
}

export class PositionIdConflictError extends DomainError {
  readonly code = 'POSITION.ID_CONFLICT';
  constructor(positionId: string) {
    super(`Position "${positionId}" is already recorded with other content.`, {
      field: 'positionId',
      positionId,
    });
  }
}

export class StatedAfterRecordedError extends DomainError {
  readonly code = 'POSITION.STATED_AFTER_RECORDED';
  constructor(statedAt: string, recordedAt: string) {
    super(`A position cannot be stated (${statedAt}) after the time it is recorded (${recordedAt}).`, {
      field: 'statedAt',
      statedAt,
      recordedAt,
    });
  }
}

export class QuotationRequiredError extends DomainError {
  readonly code = 'POSITION.QUOTE_REQUIRED';
  constructor(evidenceType: string) {
    super(`Evidence of type "${evidenceType}" needs the quotation itself.`, { field: 'quote', evidenceType });
  }
}

export class ConditionsRequiredError extends DomainError {
  readonly code = 'POSITION.CONDITIONS_REQUIRED';
  constructor(stance: string) {
    super(`A "${stance}" stance must say what it is conditioned on.`, { field: 'conditions', stance });
  }
}

export class ConditionsNotAllowedError extends DomainError {
  readonly code = 'POSITION.CONDITIONS_NOT_ALLOWED';
  constructor(stance: string) {
    super(`Only conditional stances carry conditions; "${stance}" does not.`, {
      field: 'conditions',
      stance,
    });
  }
}

export class SourceRequiredError extends DomainError {
  readonly code = 'POSITION.SOURCE_REQUIRED';
  constructor() {
    super('A position needs at least one source as its evidence.', { field: 'sources' });
  }
}

export class DuplicateSourceError extends DomainError {
  readonly code = 'POSITION.DUPLICATE_SOURCE';
  constructor(positionId: string, key: string) {
    super(`Position "${positionId}" already cites this source (${key}).`, {
      field: 'source',
      positionId,
      source: key,
    });
  }
}

export class InvalidConfidenceError extends DomainError {
  readonly code = 'POSITION.CONFIDENCE_OUT_OF_RANGE';
  constructor(confidence: number) {
    super(`Confidence must be between 0 and 1, not ${confidence}.`, { field: 'confidence', confidence });
  }
}

export class InvalidSpanError extends DomainError {
  readonly code = 'POSITION.SPAN_INVALID';
  constructor(field: string) {
    super('A source span must have 0 <= start < end.', { field });
  }
}

export class PositionAlreadyWithdrawnError extends DomainError {
  readonly code = 'POSITION.ALREADY_WITHDRAWN';
  constructor(positionId: string, effectiveAt: string) {
    super(`Position "${positionId}" was already withdrawn, effective ${effectiveAt}.`, {
      positionId,
      effectiveAt,
    });
  }
}

export class WithdrawalBeforeStatementError extends DomainError {
  readonly code = 'POSITION.WITHDRAWAL_BEFORE_STATEMENT';
  constructor(effectiveAt: string, statedAt: string) {
    super(
      `A withdrawal cannot take effect (${effectiveAt}) before the statement it withdraws (${statedAt}).`,
      {
        field: 'effectiveAt',
        effectiveAt,
        statedAt,
      },
    );
  }
}

export class WithdrawalAfterRecordedError extends DomainError {
  readonly code = 'POSITION.WITHDRAWAL_AFTER_RECORDED';
  constructor(effectiveAt: string, recordedAt: string) {
    super(`A withdrawal cannot take effect (${effectiveAt}) after the time it is recorded (${recordedAt}).`, {
      field: 'effectiveAt',
      effectiveAt,
      recordedAt,
    });
  }
}

export class EmptyCorrectionError extends DomainError {
  readonly code = 'POSITION.CORRECTION_CHANGES_NOTHING';
  constructor(positionId: string) {
    super(`The correction leaves position "${positionId}" as it is; name at least one field that changes.`, {
      field: 'changes',
      positionId,
    });
  }
}

export class StatementOutlivesWithdrawalError extends DomainError {
  readonly code = 'POSITION.STATED_AFTER_WITHDRAWAL';
  constructor(statedAt: string, withdrawnAt: string) {
    super(
      `The corrected statedAt (${statedAt}) would fall after the position's withdrawal (${withdrawnAt}).`,
      {
        field: 'statedAt',
        statedAt,
        withdrawnAt,
      },
    );
  }
}

export class RecordedBeforeLastChangeError extends DomainError {
  readonly code = 'POSITION.RECORDED_BEFORE_LAST_CHANGE';
  constructor(positionId: string, recordedAt: string, lastRecordedAt: string) {
    super(
      `Position "${positionId}" last changed in the record at ${lastRecordedAt}; a change known since ${recordedAt} would rewrite what was known in between.`,
      { field: 'knownSince', positionId, recordedAt, lastRecordedAt },
    );
  }
}

export class KnownSinceInFutureError extends DomainError {
  readonly code = 'POSITION.KNOWN_SINCE_IN_FUTURE';
  constructor(knownSince: string, now: string) {
    super(`A backfill records what was already known: knownSince ${knownSince} is after now (${now}).`, {
      field: 'knownSince',
      knownSince,
      now,
    });
  }
}
