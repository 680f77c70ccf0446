import { assertNever } from '../shared/assert-never';
import type { Decider } from '../shared/decider';
import { KEBAB_ID, toKebab } from '../shared/ids';
import type { ActorCommand, RegisterActor } from './actor.commands';
import {
  ActorAlreadyRegisteredError,
  ActorNotFoundError,
  AliasNotFoundError,
  InvalidActorIdError,
  InvalidRoleRangeError,
  NothingToChangeError,
  RoleIdConflictError,
  RoleNotFoundError,
} from './actor.errors';
import type { ActorEvent, ActorRole } from './actor.events';
import { type Actor, evolveActor, initialActor, isActorEvent } from './actor.state';

type Registered = Extract<Actor, { status: 'registered' }>;

/** A role's id is derived from what it is, so the same role stated twice is recognised. */
export const roleIdFor = (role: Pick<ActorRole, 'title' | 'organisation' | 'from'>): string =>
  `${toKebab(role.title)}-${role.from}`;

const sameRole = (a: ActorRole, b: ActorRole): boolean =>
  a.title === b.title && a.organisation === b.organisation && a.from === b.from && a.to === b.to;

const assertRoleRange = (role: ActorRole): void => {
  if (role.to !== null && role.to < role.from)
    throw new InvalidRoleRangeError(role.roleId, role.from, role.to);
};

const registered = (state: Actor, actorId: string): Registered => {
  if (state.status !== 'registered') throw new ActorNotFoundError(actorId);
  return state;
};

const registerActor = ({ data }: RegisterActor, state: Actor): ActorEvent[] => {
  const { actorId, name, kind, recordedAt } = data;
  if (!KEBAB_ID.test(actorId)) throw new InvalidActorIdError(actorId);
  const aliases = [
    ...new Set(data.aliases.map((alias) => alias.trim()).filter((alias) => alias && alias !== name)),
  ];
  data.roles.forEach(assertRoleRange);
  if (state.status === 'registered') {
    const identical =
      state.name === name &&
      state.kind === kind &&
      aliases.every((alias) => state.aliases.includes(alias)) &&
      data.roles.every((role) => state.roles[role.roleId] && sameRole(state.roles[role.roleId], role));
    if (identical) return [];
    throw new ActorAlreadyRegisteredError(actorId);
  }
  return [
    { type: 'ActorRegistered', data: { actorId, name, kind, recordedAt } },
    ...aliases.map((alias): ActorEvent => ({
      type: 'ActorAliasAdded',
      data: { actorId, alias, recordedAt },
    })),
    ...data.roles.map((role): ActorEvent => ({
      type: 'ActorRoleAssigned',
      data: { ...role, actorId, recordedAt },
    })),
  ];
};

export const decideActor = (command: ActorCommand, state: Actor): ActorEvent[] => {
  switch (command.type) {
    case 'RegisterActor':
      return registerActor(command, state);
    case 'RenameActor': {
      const actor = registered(state, command.data.actorId);
      if (actor.name === command.data.name) throw new NothingToChangeError(actor.actorId, 'name');
      return [{ type: 'ActorRenamed', data: command.data }];
    }
    case 'AddActorAlias': {
      const actor = registered(state, command.data.actorId);
      const alias = command.data.alias.trim();
      if (actor.aliases.includes(alias) || alias === actor.name) return [];
      return [{ type: 'ActorAliasAdded', data: { ...command.data, alias } }];
    }
    case 'RemoveActorAlias': {
      const actor = registered(state, command.data.actorId);
      if (!actor.aliases.includes(command.data.alias))
        throw new AliasNotFoundError(actor.actorId, command.data.alias);
      return [{ type: 'ActorAliasRemoved', data: command.data }];
    }
    case 'AssignActorRole': {
      const actor = registered(state, command.data.actorId);
      assertRoleRange(command.data);
      const existing = actor.roles[command.data.roleId];
      if (existing && sameRole(existing, command.data)) return [];
      if (existing) throw new RoleIdConflictError(actor.actorId, command.data.roleId);
      return [{ type: 'ActorRoleAssigned', data: command.data }];
    }
    case 'AmendActorRole': {
      const actor = registered(state, command.data.actorId);
      const existing = actor.roles[command.data.roleId];
      if (!existing) throw new RoleNotFoundError(actor.actorId, command.data.roleId);
      assertRoleRange(command.data);
      if (sameRole(existing, command.data)) throw new NothingToChangeError(actor.actorId, 'role');
      return [{ type: 'ActorRoleAmended', data: command.data }];
    }
    case 'RemoveActorRole': {
      const actor = registered(state, command.data.actorId);
      if (!actor.roles[command.data.roleId]) throw new RoleNotFoundError(actor.actorId, command.data.roleId);
      return [{ type: 'ActorRoleRemoved', data: command.data }];
    }
    default:
      return assertNever(command);
  }
};

export const actorDecider: Decider<Actor, ActorCommand, ActorEvent | { type: string; data: object }> = {
  decide: decideActor,
  evolve: (state, event) => (isActorEvent(event) ? evolveActor(state, event) : state),
  initialState: initialActor,
  stateSchema: { name: 'actor', version: 1 },
};
