import type { Command } from '../shared/decider';
import type { ActorKind, ActorRole } from './actor.events';

export type RegisterActor = Command<
  'RegisterActor',
  {
    actorId: string;
    name: string;
    kind: ActorKind;
    aliases: string[];
    roles: ActorRole[];
    recordedAt: string;
  }
>;
export type RenameActor = Command<'RenameActor', { actorId: string; name: string; recordedAt: string }>;
export type AddActorAlias = Command<'AddActorAlias', { actorId: string; alias: string; recordedAt: string }>;
export type RemoveActorAlias = Command<
  'RemoveActorAlias',
  { actorId: string; alias: string; recordedAt: string }
>;
export type AssignActorRole = Command<'AssignActorRole', ActorRole & { actorId: string; recordedAt: string }>;
export type AmendActorRole = Command<'AmendActorRole', ActorRole & { actorId: string; recordedAt: string }>;
export type RemoveActorRole = Command<
  'RemoveActorRole',
  { actorId: string; roleId: string; reason: string; recordedAt: string }
>;

export type ActorCommand =
  | RegisterActor
  | RenameActor
  | AddActorAlias
  | RemoveActorAlias
  | AssignActorRole
  | AmendActorRole
  | RemoveActorRole;
