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
import { InvalidCursorError } from '../event-store/event-store.errors';
import { type ErrorBody, errorBody } from './error-body';
import { invalidCursor } from './page-cursor';

/** The one table from a domain error code to an HTTP status; every code thrown has a row (a unit test walks them). */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  // Answered as a validation failure of its field (describeError); listed so the table stays complete.
  'EVENT_STORE.INVALID_CURSOR': 400,
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
  'IDEMPOTENCY.KEY_INVALID': 400,
  'STREAM.TOO_MANY_FOR_CLIENT': 429,
  'STREAM.CAPACITY_REACHED': 503,
  'READ_MODEL.BEHIND': 503,
  'ACTOR.INVALID_ID': 422,
  'ACTOR.NOTHING_TO_CHANGE': 422,
  'ACTOR.ROLE_RANGE_INVALID': 422,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'POSITION.CONDITIONS_NOT_ALLOWED': 422,
  'POSITION.CONDITIONS_REQUIRED': 422,
  'POSITION.CONFIDENCE_OUT_OF_RANGE': 422,
  'POSITION.CORRECTION_CHANGES_NOTHING': 422,
  'POSITION.KNOWN_SINCE_IN_FUTURE': 422,
  'POSITION.QUOTE_REQUIRED': 422,
  'POSITION.RECORDED_BEFORE_LAST_CHANGE': 422,
  'POSITION.SOURCE_REQUIRED': 422,
  'POSITION.SPAN_INVALID': 422,
  'POSITION.STATED_AFTER_RECORDED': 422,
  'POSITION.STATED_AFTER_WITHDRAWAL': 422,
  'POSITION.WITHDRAWAL_AFTER_RECORDED': 422,
  'POSITION.WITHDRAWAL_BEFORE_STATEMENT': 422,
  'REVIEW.FIELD_REQUIRED': 422,
  'SHIFT.RATING_INVALID': 422,
  'SHIFT.REASON_REQUIRED': 422,
  'TOPIC.INVALID_ID': 422,
  'TOPIC.UNCHANGED': 422,
  'TOPIC.UNKNOWN': 422,
  'WEBHOOK.ADDRESS_REFUSED': 422,
  'WEBHOOK.URL_REFUSED': 422,
};

/** An unlisted code is a programming error, answered as one (500, logged) rather than guessed at. */
export const statusOfCode = (code: string): number =>
  STATUS_BY_CODE[code] ?? HttpStatus.INTERNAL_SERVER_ERROR;

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

/** The 4xx status a library's own error (http-errors style, e.g. the static file server's) carries, if any. */
const clientErrorStatus = (exception: unknown): number | null => {
  if (!(exception instanceof Error)) return null;
  const { status, statusCode } = exception as Error & { status?: unknown; statusCode?: unknown };
  const found = typeof statusCode === 'number' ? statusCode : status;
  return typeof found === 'number' && found >= 400 && found < 500 ? found : null;
};

/** The status and body for anything thrown while answering a request. */
export const describeError = (exception: unknown): [number, ErrorBody] => {
  // Refused as any other bad field (REQUEST.VALIDATION_FAILED, rule validCursor), whichever list refuses it.
  if (exception instanceof InvalidCursorError)
    return describeError(invalidCursor(String(exception.details.field)));
  if (exception instanceof DomainError) {
    return [statusOfCode(exception.code), errorBody(exception.code, exception.message, exception.details)];
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
  const status = clientErrorStatus(exception);
  if (status !== null) {
    // The static file server's refusals (a path climbing out with `..` is its 403): no file there, as for any other.
    if (status === 403 || status === 404)
      return [404, errorBody('REQUEST.NOT_FOUND', 'No page or file at this path.', { field: 'path' })];
    return [
      status,
      errorBody(HTTP_CODES[status] ?? 'REQUEST.INVALID', 'The request cannot be served as sent.'),
    ];
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
