import type { ActorKind, ActorRole } from '@domain/actors';

export type ActorView = {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  roles: ActorRole[];
  registeredAt: string;
  updatedAt: string;
};

export const ACTOR_SELECT = `SELECT actor_id AS id, name, kind, aliases, roles, registered_at AS "registeredAt",
  updated_at AS "updatedAt" FROM actors`;

export const toActorView = (
  row: Omit<ActorView, 'registeredAt' | 'updatedAt'> & { registeredAt: Date; updatedAt: Date },
): ActorView => ({
  ...row,
  registeredAt: new Date(row.registeredAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});
