import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EventMetadata } from '../event-store/event-store.port';
import type { AuthenticatedRequest } from './auth.guard';

const header = (request: AuthenticatedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;
};

/** Who recorded it and which request caused it, for every event a request appends. */
export const RequestMetadata = createParamDecorator(
  (_: unknown, context: ExecutionContext): EventMetadata => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const requestId = request.requestId ?? 'unknown';
    return {
      recordedBy: request.principal?.name ?? 'anonymous',
      correlationId: header(request, 'x-correlation-id') ?? requestId,
      causationId: `request:${requestId}`,
    };
  },
);

/** The request's Idempotency-Key and If-Match headers, as a write needs them. */
export const WriteConditions = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const ifMatch = header(request, 'if-match')?.replace(/^W\//, '').replace(/"/g, '');
  return { idempotencyKey: header(request, 'idempotency-key'), expectedRevision: ifMatch };
});

export type WriteConditionsValue = { idempotencyKey?: string; expectedRevision?: string };
