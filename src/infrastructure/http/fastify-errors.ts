import { HttpException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from './error-body';

type FastifyError = Error & { code: string; statusCode: number };

const isFastifyError = (error: unknown): error is FastifyError =>
  error instanceof Error &&
  typeof (error as Partial<FastifyError>).code === 'string' &&
  (error as FastifyError).code.startsWith('FST_') &&
  typeof (error as Partial<FastifyError>).statusCode === 'number';

/** Fastify's refusals that clients meet, in our words, with the codes the API answered on Express. */
const IN_OUR_WORDS: Readonly<
  Record<string, [code: string, message: string, details: Record<string, string>]>
> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [
    'REQUEST.MALFORMED_JSON',
    'The request body is not valid JSON.',
    { field: 'body' },
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: [
    'REQUEST.TOO_LARGE',
    'The request body is larger than 2 MB.',
    { field: 'body' },
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    'A request body must be JSON, sent with Content-Type: application/json.',
    { header: 'Content-Type' },
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    'REQUEST.INVALID',
    'The request body is not as long as Content-Length says.',
    { header: 'Content-Length' },
  ],
  FST_ERR_BAD_URL: [
    'REQUEST.INVALID',
    'The request path is not valid percent-encoded UTF-8.',
    { field: 'path' },
  ],
  FST_ERR_MAX_PARAM_LENGTH: [
    'REQUEST.URI_TOO_LONG',
    'A path segment of the request is too long.',
    { field: 'path' },
  ],
};

/**
 * Fastify's own 4xx errors (body parsing, limits, media types, bad paths) as HttpExceptions in our error shape,
 * so DomainErrorFilter answers them like any other; everything else passes unchanged.
 */
export const fromFastifyError = (error: unknown): unknown => {
  // The client went away mid-body (or was timed out): nobody reads the answer, and it is no fault of ours.
  if (error instanceof Error && (error as { code?: string }).code === 'ECONNRESET')
    return new HttpException(
      errorBody('REQUEST.ABORTED', 'The client closed the request before sending all of it.'),
      400,
    );
  if (!isFastifyError(error) || error.statusCode < 400 || error.statusCode >= 500) return error;
  const ours = IN_OUR_WORDS[error.code];
  return new HttpException(ours ? errorBody(...ours) : error.message, error.statusCode);
};

type ClientError = Error & { code?: string; reason?: string };

/** What Node's HTTP parser refuses before Fastify sees a request, in our words (llhttp's codes). */
const CLIENT_ERRORS: Readonly<
  Record<string, [status: number, code: string, message: string, details: Record<string, string>]>
> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'REQUEST.HEADERS_TOO_LARGE',
    'The request headers are larger than the server accepts (16 KB in all).',
    { field: 'headers' },
  ],
  HPE_INVALID_URL: [
    400,
    'REQUEST.INVALID',
    'The request path holds a byte HTTP does not allow: anything outside printable ASCII must be percent-encoded.',
    { field: 'path' },
  ],
  HPE_INVALID_TRANSFER_ENCODING: [
    400,
    'REQUEST.INVALID',
    'The request has Transfer-Encoding together with Content-Length (or an unknown Transfer-Encoding): send one of them.',
    { header: 'Transfer-Encoding' },
  ],
  HPE_UNEXPECTED_CONTENT_LENGTH: [
    400,
    'REQUEST.INVALID',
    'The request has Transfer-Encoding together with Content-Length: send one of them.',
    { header: 'Content-Length' },
  ],
  HPE_INVALID_CONTENT_LENGTH: [
    400,
    'REQUEST.INVALID',
    'Content-Length must be one decimal number.',
    { header: 'Content-Length' },
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'REQUEST.TIMEOUT',
    'The request did not arrive in time (see HTTP_HEADERS_TIMEOUT and HTTP_REQUEST_TIMEOUT).',
    {},
  ],
};

/**
 * Fastify's `clientErrorHandler`: a request Node's parser refused (bad bytes, framing, oversized headers) or a
 * client too slow to send one, answered in our error shape on the raw socket, which is then closed.
 */
export function answerClientError(error: ClientError, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message, details] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'REQUEST.INVALID',
    `The request is not valid HTTP/1.1${error.reason ? ` (${error.reason})` : ''}.`,
    { reason: error.code ?? 'unknown' },
  ];
  const body = JSON.stringify(errorBody(code, message, details));
  // A response already under way (a request timed out while its answer streams) cannot take another one.
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (!socket.writable || started) return void socket.destroy();
  const close = () => socket.destroy();
  // Closed once the answer is out, or after a second when the client does not read it.
  setTimeout(close, 1_000).unref();
  socket.write(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
    close,
  );
}
