import { DomainError } from '../shared/domain-error';

export class TopicNotFoundError extends DomainError {
  readonly code = 'TOPIC.NOT_FOUND';
  constructor(topicId: string) {
    super(`No topic is registered with id "${topicId}".`, { topicId });
  }
}

export class UnknownTopicError extends DomainError {
  readonly code = 'TOPIC.UNKNOWN';
  constructor(topicId: string, field: string) {
    super(`Topic "${topicId}" is not registered; register it with POST /v1/topics first.`, {
      field,
      topicId,
    });
  }
}

export class TopicAlreadyRegisteredError extends DomainError {
  readonly code = 'TOPIC.ALREADY_REGISTERED';
  constructor(topicId: string) {
    super(`Topic "${topicId}" is already registered with another wording; reword it instead.`, { topicId });
  }
}

export class InvalidTopicIdError extends DomainError {
  readonly code = 'TOPIC.INVALID_ID';
  constructor(topicId: string) {
    super(
      `Topic id "${topicId}" must be dotted lowercase kebab segments, e.g. "ukraine.security-guarantees.us".`,
      {
        field: 'id',
        topicId,
      },
    );
  }
}

export class TopicUnchangedError extends DomainError {
  readonly code = 'TOPIC.UNCHANGED';
  constructor(topicId: string) {
    super(`Topic "${topicId}" already has this wording.`, { topicId });
  }
}
