import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { fromFastifyError } from './fastify-errors';

type ErrorHandler = Parameters<FastifyAdapter['setErrorHandler']>[0];

/**
 * Nest hands Fastify's errors to the exception filters as bare HttpExceptions, without Fastify's error code;
 * this translates them first, so the filter can answer a malformed body as MALFORMED_JSON rather than a 400.
 */
export class FastifyHttpAdapter extends FastifyAdapter {
  override setErrorHandler(handler: ErrorHandler) {
    return super.setErrorHandler(function (this: FastifyInstance, error, request, reply) {
      return handler.call(this, fromFastifyError(error), request, reply);
    });
  }
}
