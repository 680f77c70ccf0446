import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

type Done = (error: Error | null, body?: unknown) => void;

const OBJECT_OR_ARRAY = /^[ \t\n\r]*[{[]/;

const hasNoBody = ({ headers }: FastifyRequest): boolean =>
  headers['transfer-encoding'] === undefined &&
  (headers['content-length'] === undefined || headers['content-length'] === '0');

/**
 * Only JSON bodies, taken as Express's json parser took them: an empty body is `{}`, and only an object or an
 * array is accepted; Fastify's own parser still refuses `__proto__` and `constructor.prototype` keys.
 */
export const acceptJsonBodiesOnly = (fastify: FastifyInstance): void => {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body: string, done: Done) => {
      if (body.length === 0) done(null, {});
      else if (!OBJECT_OR_ARRAY.test(body)) done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
      else parse(request, body, done);
    },
  );
  // `curl -d ''` sends an empty form body: a body-less POST passes whatever its Content-Type, as on Express.
  fastify.addContentTypeParser('*', (request: FastifyRequest, _payload: unknown, done: Done) => {
    if (hasNoBody(request)) done(null, undefined);
    else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE());
  });
};
