import { DomainError } from '@domain/shared/domain-error';

export class StanceNotInForceError extends DomainError {
  readonly code = 'STANCE.NOT_IN_FORCE';
  constructor(actorId: string, topicId: string, at: string, knownAt: string) {
    super(`As known at ${knownAt}, actor "${actorId}" held no stance on "${topicId}" at ${at}.`, {
      actorId,
      topicId,
      at,
      knownAt,
    });
  }
}
