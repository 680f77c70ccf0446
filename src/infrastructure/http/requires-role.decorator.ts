import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export const REQUIRED_ROLE = 'requiredRole';

/** Routes without it are reads: open, or reader-keyed when READ_REQUIRES_KEY=true. */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
