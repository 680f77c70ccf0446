import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { durationMs, type EnvironmentVariables } from '../../config/environment';
import { errorBody } from './error-body';

/** How often Node looks for requests past their headers or request timeout (its default, 30 s, would let them run on). */
const TIMEOUT_CHECK_MS = 1_000;

const turnAway = (socket: Socket, status: number, code: string, message: string, details: object): void => {
  const body = JSON.stringify(errorBody(code, message, details));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 1\r\nx-request-id: ${randomUUID()}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 1_000).unref();
};

/**
 * Timeouts and caps a slow or greedy client cannot get around: headers and whole requests must arrive in time
 * (Node answers 408 through answerClientError), a silent connection is closed, and connections are capped per
 * process and per address, a new one past a cap being answered in our error shape and closed.
 */
export const limitConnections = (server: Server, env: EnvironmentVariables): void => {
  server.headersTimeout = durationMs(env.HTTP_HEADERS_TIMEOUT);
  server.requestTimeout = durationMs(env.HTTP_REQUEST_TIMEOUT);
  // Read by Node when the server starts listening; missing from @types/node 20.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = TIMEOUT_CHECK_MS;
  server.setTimeout(durationMs(env.HTTP_CONNECTION_TIMEOUT));
  if (env.HTTP_MAX_REQUESTS_PER_SOCKET > 0) server.maxRequestsPerSocket = env.HTTP_MAX_REQUESTS_PER_SOCKET;
  const perClient = new Map<string, number>();
  let open = 0;
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const fromClient = (perClient.get(address) ?? 0) + 1;
    if (open >= env.HTTP_MAX_CONNECTIONS) {
      return turnAway(
        socket,
        503,
        'REQUEST.TOO_MANY_CONNECTIONS',
        `The server holds ${env.HTTP_MAX_CONNECTIONS} connections, its limit; try again shortly.`,
        { limit: env.HTTP_MAX_CONNECTIONS },
      );
    }
    if (env.HTTP_MAX_CONNECTIONS_PER_CLIENT > 0 && fromClient > env.HTTP_MAX_CONNECTIONS_PER_CLIENT) {
      return turnAway(
        socket,
        429,
        'REQUEST.TOO_MANY_CONNECTIONS',
        `This address holds ${env.HTTP_MAX_CONNECTIONS_PER_CLIENT} connections, its limit: reuse them (keep-alive) or close some.`,
        { limit: env.HTTP_MAX_CONNECTIONS_PER_CLIENT, address },
      );
    }
    open += 1;
    perClient.set(address, fromClient);
    socket.once('close', () => {
      open -= 1;
      const left = (perClient.get(address) ?? 1) - 1;
      if (left === 0) perClient.delete(address);
      else perClient.set(address, left);
    });
  });
};
