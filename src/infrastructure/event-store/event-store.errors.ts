import { DomainError } from '@domain/shared/domain-error';

export class ConcurrencyConflictError extends DomainError {
  readonly code = 'EVENT_STORE.CONCURRENCY_CONFLICT';
  constructor(streamName: string, expected: string, actual: string) {
    super(
      `Stream "${streamName}" is at revision ${actual}, not the expected ${expected}; read it again and retry.`,
      {
        stream: streamName,
        expectedRevision: expected,
        actualRevision: actual,
      },
    );
  }
}

export class DuplicateEventIdError extends DomainError {
  readonly code = 'EVENT_STORE.DUPLICATE_EVENT_ID';
  constructor(eventIds: string[]) {
    super(
      'Some of these event ids are already stored elsewhere; an append is idempotent only when all of it repeats.',
      {
        eventIds,
      },
    );
  }
}

export class InvalidCursorError extends DomainError {
  readonly code = 'EVENT_STORE.INVALID_CURSOR';
  constructor(cursor: string, field = 'after') {
    super(`"${cursor.slice(0, 100)}" is not a cursor this store issued.`, {
      field,
      cursor: cursor.slice(0, 100),
    });
  }
}
