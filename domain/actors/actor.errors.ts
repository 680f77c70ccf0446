import { DomainError } from '../shared/domain-error';

export class ActorNotFoundError extends DomainError {
  readonly code = 'ACTOR.NOT_FOUND';
  constructor(actorId: string) {
    super(`No actor is registered with id "${actorId}".`, { actorId });
  }
}

export class ActorAlreadyRegisteredError extends DomainError {
  readonly code = 'ACTOR.ALREADY_REGISTERED';
  constructor(actorId: string) {
    super(
      `Actor "${actorId}" is already registered with other details; use the rename, alias and role routes to change it.`,
      {
        actorId,
      },
    );
  }
}

export class InvalidActorIdError extends DomainError {
  readonly code = 'ACTOR.INVALID_ID';
  constructor(actorId: string) {
    super(`Actor id "${actorId}" must be the kebab-case full name, e.g. "keir-starmer".`, {
      field: 'id',
      actorId,
    });
  }
}

export class InvalidRoleRangeError extends DomainError {
  readonly code = 'ACTOR.ROLE_RANGE_INVALID';
  constructor(roleId: string, from: string, to: string) {
    super(`Role "${roleId}" ends (${to}) before it starts (${from}).`, { field: 'to', roleId, from, to });
  }
}

export class RoleNotFoundError extends DomainError {
  readonly code = 'ACTOR.ROLE_NOT_FOUND';
  constructor(actorId: string, roleId: string) {
    super(`Actor "${actorId}" has no role "${roleId}".`, { actorId, roleId });
  }
}

export class RoleIdConflictError extends DomainError {
  readonly code = 'ACTOR.ROLE_ID_CONFLICT';
  constructor(actorId: string, roleId: string) {
    super(`Actor "${actorId}" already has a different role with id "${roleId}"; amend it instead.`, {
      field: 'roleId',
      actorId,
      roleId,
    });
  }
}

export class AliasNotFoundError extends DomainError {
  readonly code = 'ACTOR.ALIAS_NOT_FOUND';
  constructor(actorId: string, alias: string) {
    super(`Actor "${actorId}" has no alias "${alias}".`, { field: 'alias', actorId, alias });
  }
}

export class NothingToChangeError extends DomainError {
  readonly code = 'ACTOR.NOTHING_TO_CHANGE';
  constructor(actorId: string, what: string) {
    super(`Actor "${actorId}" already has this ${what}.`, { actorId });
  }
}
