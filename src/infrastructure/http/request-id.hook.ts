import type { FastifyReply, HookHandlerDoneFunction } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedRequest } from './auth.guard';

/** A Fastify onRequest hook rather than Nest middleware: it runs for every response, 404s and body errors too. */
export const assignRequestId = (
  request: AuthenticatedRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void => {
  request.requestId = randomUUID();
  reply.header('x-request-id', request.requestId);
  done();
};
