import { assertNever } from '../shared/assert-never';
import { ACTOR_EVENT_TYPES, type ActorEvent, type ActorKind, type ActorRole } from './actor.events';

export type Actor =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      actorId: string;
      name: string;
      kind: ActorKind;
      aliases: readonly string[];
      roles: Readonly<Record<string, ActorRole>>;
    };

export const initialActor = (): Actor => ({ status: 'unregistered' });

const actorEventTypes = new Set<string>(ACTOR_EVENT_TYPES);

/** The actor stream also carries position events; this tells the profile's own apart. */
export const isActorEvent = (event: { type: string }): event is ActorEvent => actorEventTypes.has(event.type);

const roleOf = ({ roleId, title, organisation, from, to }: ActorRole): ActorRole => ({
  roleId,
  title,
  organisation,
  from,
  to,
});

export const evolveActor = (state: Actor, event: ActorEvent): Actor => {
  if (event.type === 'ActorRegistered') {
    const { actorId, name, kind } = event.data;
    return { status: 'registered', actorId, name, kind, aliases: [], roles: {} };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'ActorRenamed':
      return { ...state, name: event.data.name };
    case 'ActorAliasAdded':
      return { ...state, aliases: [...state.aliases, event.data.alias] };
    case 'ActorAliasRemoved':
      return { ...state, aliases: state.aliases.filter((alias) => alias !== event.data.alias) };
    case 'ActorRoleAssigned':
    case 'ActorRoleAmended':
      return { ...state, roles: { ...state.roles, [event.data.roleId]: roleOf(event.data) } };
    case 'ActorRoleRemoved': {
      const { [event.data.roleId]: _removed, ...roles } = state.roles;
      return { ...state, roles };
    }
    default:
      return assertNever(event);
  }
};
