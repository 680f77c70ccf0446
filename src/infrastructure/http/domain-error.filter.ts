import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@domain/shared/domain-error';
import { type ErrorBody, errorBody } from './error-body';

/** The one table from a domain error code to an HTTP status; codes not listed are refused input (422). */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'ACTOR.NOT_FOUND': 404,
  'ACTOR.ROLE_NOT_FOUND': 404,
  'ACTOR.ALIAS_NOT_FOUND': 404,
  'TOPIC.NOT_FOUND': 404,
  'POSITION.NOT_FOUND': 404,
  'STANCE.NOT_IN_FORCE': 404,
  'JOB.NOT_FOUND': 404,
  'PROJECTION.NOT_FOUND': 404,
  'WEBHOOK.ENDPOINT_NOT_FOUND': 404,
  'WEBHOOK.DELIVERY_NOT_FOUND': 404,
  'ARTICLE.NOT_FOUND': 404,
  'REVIEW.NOT_FOUND': 404,
  'SHIFT.NOT_FOUND': 404,
  'EVENT_STORE.CONCURRENCY_CONFLICT': 409,
  'EVENT_STORE.DUPLICATE_EVENT_ID': 409,
  'ACTOR.ALREADY_REGISTERED': 409,
  'ACTOR.ROLE_ID_CONFLICT': 409,
  'TOPIC.ALREADY_REGISTERED': 409,
  'POSITION.ID_CONFLICT': 409,
  'POSITION.DUPLICATE_SOURCE': 409,
  'POSITION.RETRACTED': 409,
  'POSITION.ALREADY_WITHDRAWN': 409,
  'PROJECTION.REBUILD_RUNNING': 409,
  'ARTICLE.CONFLICT': 409,
  'ARTICLE.ALREADY_EXTRACTED': 409,
  'REVIEW.ALREADY_DECIDED': 409,
  'EVENT_STORE.INVALID_CURSOR': 400,
};

const HTTP_CODES: Readonly<Record<number, string>> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.KEY_REQUIRED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  414: 'REQUEST.URI_TOO_LONG',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as ErrorBody).error?.code === 'string';

/** The status and body for anything thrown while answering a request. */
export const describeError = (exception: unknown): [number, ErrorBody] => {
  if (exception instanceof DomainError) {
    return [
      STATUS_BY_CODE[exception.code] ?? 422,
      errorBody(exception.code, exception.message, exception.details),
    ];
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (isErrorBody(response)) return [status, response];
    const message =
      typeof response === 'string'
        ? response
        : ((response as { message?: string }).message ?? exception.message);
    return [status, errorBody(HTTP_CODES[status] ?? `HTTP.${status}`, String(message))];
  }
  return [
    HttpStatus.INTERNAL_SERVER_ERROR,
    errorBody('INTERNAL', 'Something went wrong on our side; the request id is in x-request-id.'),
  ];
};

/** Every 4xx and 5xx leaves as `{error: {code, message, details}}`. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, body] = describeError(exception);
    if (status >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    reply.status(status).send(body);
  }
}
