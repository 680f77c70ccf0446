import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ApiKeys } from './api-keys';
import { authorize } from './auth.guard';
import { describeError } from './domain-error.filter';
import { errorBody } from './error-body';
import type { RouteRoles } from './route-roles';

const carriesBody = ({ headers }: FastifyRequest): boolean =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0');

const refuse = (reply: FastifyReply, status: number, body: unknown): void => {
  // The body is never read: closing the connection spares reading it just to throw it away.
  void reply.status(status).header('connection', 'close').send(body);
};

/**
 * An onRequest hook: a request that carries a body is authenticated before the body is read, so a client without
 * the route's key cannot make the server parse (up to 2 MB of) JSON. The AuthGuard checks every request again.
 */
export const authenticateEarly = (resolve: () => [RouteRoles, ApiKeys]): onRequestHookHandler => {
  let resolved: [RouteRoles, ApiKeys] | null = null;
  return (request, reply, done) => {
    if (!carriesBody(request)) return done();
    const [routes, keys] = (resolved ??= resolve());
    if (request.is404)
      return refuse(reply, 404, errorBody('REQUEST.NOT_FOUND', `Cannot ${request.method} ${request.url}`));
    const needed = routes.roleFor(request.method, request.routeOptions.url);
    if (needed === undefined) return done();
    try {
      authorize(keys, request.headers.authorization, needed);
    } catch (error) {
      // Answered here: Fastify skips the rest of the request's hooks and its handler.
      return refuse(reply, ...describeError(error));
    }
    done();
  };
};
