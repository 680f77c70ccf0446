import { deciderSpecification } from '../testing/decider-specification';
import { actorDecider, roleIdFor } from './actor.decider';
import {
  ActorAlreadyRegisteredError,
  InvalidActorIdError,
  InvalidRoleRangeError,
  RoleIdConflictError,
} from './actor.errors';
import type { ActorCommand, RegisterActor } from './actor.commands';
import type { ActorRole } from './actor.events';

const given = deciderSpecification(actorDecider);
const recordedAt = '2025-02-27T00:00:00.000Z';
const pm: ActorRole = {
  roleId: roleIdFor({ title: 'Prime Minister', organisation: 'United Kingdom', from: '2024-07-05' }),
  title: 'Prime Minister',
  organisation: 'United Kingdom',
  from: '2024-07-05',
  to: null,
};
const register = (overrides: Partial<RegisterActor['data']> = {}): ActorCommand => ({
  type: 'RegisterActor',
  data: {
    actorId: 'keir-starmer',
    name: 'Keir Starmer',
    kind: 'person',
    aliases: ['Sir Keir'],
    roles: [pm],
    recordedAt,
    ...overrides,
  },
});
const registeredEvents = [
  {
    type: 'ActorRegistered',
    data: { actorId: 'keir-starmer', name: 'Keir Starmer', kind: 'person', recordedAt },
  },
  { type: 'ActorAliasAdded', data: { actorId: 'keir-starmer', alias: 'Sir Keir', recordedAt } },
  { type: 'ActorRoleAssigned', data: { ...pm, actorId: 'keir-starmer', recordedAt } },
];

describe('actor decider', () => {
  it('registers an actor with its aliases and roles', () =>
    given([]).when(register()).then(registeredEvents));

  it('derives a role id from title and start', () => expect(pm.roleId).toBe('prime-minister-2024-07-05'));

  it('does nothing when the same actor is registered again', () =>
    given(registeredEvents).when(register()).thenNothingHappened());

  it('refuses to re-register an actor with other details', () =>
    given(registeredEvents)
      .when(register({ name: 'K. Starmer' }))
      .thenThrows(ActorAlreadyRegisteredError));

  it('refuses an id that is not kebab-case', () =>
    given([])
      .when(register({ actorId: 'Keir Starmer' }))
      .thenThrows(InvalidActorIdError));

  it('refuses a role that ends before it starts', () =>
    given([])
      .when(register({ roles: [{ ...pm, to: '2024-01-01' }] }))
      .thenThrows(InvalidRoleRangeError));

  it('refuses a different role under an existing role id', () =>
    given(registeredEvents)
      .when({ type: 'AssignActorRole', data: { ...pm, title: 'PM', actorId: 'keir-starmer', recordedAt } })
      .thenThrows(RoleIdConflictError));

  it('treats an alias it already has as done', () =>
    given(registeredEvents)
      .when({ type: 'AddActorAlias', data: { actorId: 'keir-starmer', alias: 'Sir Keir', recordedAt } })
      .thenNothingHappened());
});
