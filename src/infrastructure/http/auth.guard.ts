import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { ApiKeys } from './api-keys';
import { errorBody } from './error-body';
import { ANONYMOUS, grants, type Principal, type Role } from './principal';
import { REQUIRED_ROLE } from './requires-role.decorator';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal; requestId?: string };

/**
 * The principal the Authorization header names (anonymous without one), if it may use a route that needs
 * `needed` (null: open); otherwise 401 (no key, or not a valid one) or 403 (a role too low).
 */
export const authorize = (keys: ApiKeys, header: string | undefined, needed: Role | null): Principal => {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const principal = match ? keys.find(match[1]) : null;
  if (header && !principal) {
    throw new UnauthorizedException(
      errorBody('AUTH.INVALID_KEY', 'The API key is not valid.', { header: 'Authorization' }),
    );
  }
  if (!needed) return principal ?? ANONYMOUS;
  if (!principal) {
    throw new UnauthorizedException(
      errorBody(
        'AUTH.KEY_REQUIRED',
        `This route needs an API key with role ${needed}: send Authorization: Bearer <key>.`,
        {
          header: 'Authorization',
          requiredRole: needed,
        },
      ),
    );
  }
  if (!grants(principal.role, needed)) {
    throw new ForbiddenException(
      errorBody('AUTH.FORBIDDEN', `This route needs role ${needed}; the key has role ${principal.role}.`, {
        requiredRole: needed,
        role: principal.role,
      }),
    );
  }
  return principal;
};

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeys,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const explicit = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const needed: Role | null = explicit ?? (this.config.env.READ_REQUIRES_KEY ? 'reader' : null);
    request.principal = authorize(this.keys, request.headers.authorization, needed);
    return true;
  }
}
