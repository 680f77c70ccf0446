import { type ActorRole, roleIdFor } from '@domain/actors';
import type { RoleRequest } from './role.request';

export const toRole = (request: RoleRequest): ActorRole => ({
  roleId: roleIdFor(request),
  title: request.title.trim(),
  organisation: request.organisation.trim(),
  from: request.from,
  to: request.to ?? null,
});
