import { HttpException } from '@nestjs/common';
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
  if (!isFastifyError(error) || error.statusCode < 400 || error.statusCode >= 500) return error;
  const ours = IN_OUR_WORDS[error.code];
  return new HttpException(ours ? errorBody(...ours) : error.message, error.statusCode);
};
