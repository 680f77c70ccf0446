import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EventMetadata } from '../event-store/event-store.port';
import type { WriteConditionsValue } from '../event-store/write-conditions';
import type { AuthenticatedRequest } from './auth.guard';
import { RequestValidationError } from './request-validation.error';

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

/** One strong entity tag holding a revision as a write answered it: `"12"` (the quotes may be left out). */
const REVISION_TAG = /^"?(0|[1-9]\d{0,19})"?$/;

/** `*`, a weak tag, a list or anything but a revision would never match a stream: refused, not answered 409. */
const expectedRevisionOf = (ifMatch: string | undefined): string | undefined => {
  if (ifMatch === undefined) return undefined;
  const match = REVISION_TAG.exec(ifMatch);
  if (match && ifMatch.startsWith('"') === ifMatch.endsWith('"')) return match[1];
  throw new RequestValidationError([
    {
      field: 'If-Match',
      rule: 'validRevision',
      message:
        'If-Match must be one revision a write answered, in quotes ("12"); *, W/ and lists are not accepted',
    },
  ]);
};

/** The request's Idempotency-Key and If-Match headers, as a write needs them. */
export const WriteConditions = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const expectedRevision = expectedRevisionOf(header(request, 'if-match'));
  const conditions: WriteConditionsValue = {
    idempotencyKey: header(request, 'idempotency-key'),
    expectedRevision,
  };
  return conditions;
});

export type { WriteConditionsValue } from '../event-store/write-conditions';
