import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { from, mergeMap, type Observable, of } from 'rxjs';
import { canonicalJson } from '@domain/shared/canonical-json';
import { DomainError } from '@domain/shared/domain-error';
import { SqlClient } from '../database/sql-client';
import { IdempotentRequest } from '../event-store/idempotent-request';
import type { AuthenticatedRequest } from './auth.guard';

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  constructor(key: string) {
    super(
      `Idempotency-Key "${key}" was already used with a different request; use a new key for a new request.`,
      {
        header: 'Idempotency-Key',
      },
    );
  }
}

export class InvalidIdempotencyKeyError extends DomainError {
  readonly code = 'IDEMPOTENCY.KEY_INVALID';
  constructor() {
    super('Idempotency-Key must be 1 to 200 visible ASCII characters.', { header: 'Idempotency-Key' });
  }
}

/** The path without the query string, as Express's `request.path` gave it: stored scopes stay valid. */
const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/**
 * The same Idempotency-Key with the same request answers what the first answered and appends nothing;
 * with another request, 422. Event ids also derive from the key, so even racing repeats append once.
 * The answer is stored after the append: when a retry finds the events of an attempt whose answer was never
 * stored (the process died in between), it answers what that attempt would have, 201 Created, as a replay.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly sql: SqlClient) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) throw new InvalidIdempotencyKeyError();
    const scope = `${request.principal?.name ?? 'anonymous'} POST ${pathOf(request.url)}`;
    const hash = createHash('sha256')
      .update(canonicalJson(request.body ?? null))
      .digest('hex');
    return from(
      this.sql.query<{ request_hash: string; status_code: number; response: unknown }>(
        'SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND idempotency_key = $2',
        [scope, key],
      ),
    ).pipe(
      mergeMap(([stored]) => {
        if (stored) {
          if (stored.request_hash !== hash) throw new IdempotencyKeyReusedError(key);
          reply.status(stored.status_code).header('Idempotent-Replayed', 'true');
          return of(stored.response);
        }
        const attempt = new IdempotentRequest(`${scope} ${key}`, hash);
        return IdempotentRequest.run(attempt, () => next.handle()).pipe(
          mergeMap(async (body) => {
            if (attempt.replayedEvents) {
              if (!attempt.replayedSameRequest()) throw new IdempotencyKeyReusedError(key);
              // Every route behind this interceptor answers 201 when its command appends, as the lost answer did.
              reply.status(201).header('Idempotent-Replayed', 'true');
            }
            await this.sql.query(
              `INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, status_code, response)
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
              [scope, key, hash, reply.statusCode, JSON.stringify(body ?? null)],
            );
            return body;
          }),
        );
      }),
    );
  }
}
