import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, Observable, tap } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { EventStore } from '../event-store/event-store.port';
import { isLogPosition } from '../event-store/log-position';
import { errorBody } from '../http/error-body';
import { RequestValidationError } from '../http/request-validation.error';
import { inAppendScope } from './append-scope';
import { ReadModelWatermark } from './read-model-watermark';

export const CONSISTENCY_HEADER = 'Positions-Consistency';

const notIssued = () =>
  new RequestValidationError([
    {
      field: CONSISTENCY_HEADER,
      rule: 'isLogPosition',
      message: `${CONSISTENCY_HEADER} must be the value a write answered with, such as 1234.58`,
    },
  ]);

/**
 * Read-your-writes. A write answers with `Positions-Consistency: <position>`, the log position of the last event
 * it stored; a read that sends the header back waits, up to READ_CONSISTENCY_TIMEOUT, until every read model has
 * applied that event, or answers 503 READ_MODEL.BEHIND naming the ones that have not.
 */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  private readonly timeoutMs: number;

  constructor(
    private readonly watermark: ReadModelWatermark,
    private readonly store: EventStore,
    config: AppConfig,
  ) {
    this.timeoutMs = config.durations.READ_CONSISTENCY_TIMEOUT;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      // Subscribed inside the scope: the handler, and every continuation an inner interceptor registers, run in it.
      return new Observable((subscriber) =>
        inAppendScope((scope) =>
          next
            .handle()
            .pipe(
              tap(() => {
                if (scope.position !== null) void reply.header(CONSISTENCY_HEADER, scope.position);
              }),
            )
            .subscribe(subscriber),
        ),
      );
    }
    const token = request.headers[CONSISTENCY_HEADER.toLowerCase()];
    if (token === undefined) return next.handle();
    if (typeof token !== 'string' || !isLogPosition(token.trim())) throw notIssued();
    const position = token.trim();
    const started = Date.now();
    return from(this.readModelsBehind(position)).pipe(
      mergeMap((behind) => {
        if (behind.length === 0) return next.handle();
        void reply.header('Retry-After', '1');
        throw new HttpException(
          errorBody(
            'READ_MODEL.BEHIND',
            `The read models have not applied the event at ${position} yet (waited ${Date.now() - started} ms): ${behind.join(', ')} behind. Try again; /health tells why they lag.`,
            { header: CONSISTENCY_HEADER, position, behind },
          ),
          503,
        );
      }),
    );
  }

  /** A position no write answered would hold the read for the whole wait, then blame the read models: 400 at once. */
  private async readModelsBehind(position: string): Promise<string[]> {
    if (!(await this.store.holdsPosition(position))) throw notIssued();
    return this.watermark.waitFor(position, this.timeoutMs);
  }
}
