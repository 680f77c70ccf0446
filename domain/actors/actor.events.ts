import type { Event } from '../shared/decider';

export type ActorKind = 'person' | 'institution';
export const ACTOR_KINDS: readonly ActorKind[] = ['person', 'institution'];

/** A role held over a range of days (`from`, `to` inclusive, `YYYY-MM-DD`; `to` null while it holds). */
export type ActorRole = {
  roleId: string;
  title: string;
  organisation: string;
  from: string;
  to: string | null;
};

export type ActorRegistered = Event<
  'ActorRegistered',
  { actorId: string; name: string; kind: ActorKind; recordedAt: string }
>;
export type ActorRenamed = Event<'ActorRenamed', { actorId: string; name: string; recordedAt: string }>;
export type ActorAliasAdded = Event<
  'ActorAliasAdded',
  { actorId: string; alias: string; recordedAt: string }
>;
export type ActorAliasRemoved = Event<
  'ActorAliasRemoved',
  { actorId: string; alias: string; recordedAt: string }
>;
export type ActorRoleAssigned = Event<
  'ActorRoleAssigned',
  ActorRole & { actorId: string; recordedAt: string }
>;
export type ActorRoleAmended = Event<'ActorRoleAmended', ActorRole & { actorId: string; recordedAt: string }>;
export type ActorRoleRemoved = Event<
  'ActorRoleRemoved',
  { actorId: string; roleId: string; reason: string; recordedAt: string }
>;

export type ActorEvent =
  | ActorRegistered
  | ActorRenamed
  | ActorAliasAdded
  | ActorAliasRemoved
  | ActorRoleAssigned
  | ActorRoleAmended
  | ActorRoleRemoved;

export const ACTOR_EVENT_TYPES: readonly ActorEvent['type'][] = [
  'ActorRegistered',
  'ActorRenamed',
  'ActorAliasAdded',
  'ActorAliasRemoved',
  'ActorRoleAssigned',
  'ActorRoleAmended',
  'ActorRoleRemoved',
];
