import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { RequestValidationError } from './request-validation.error';

type Done = (error: Error | null, body?: unknown) => void;

const OBJECT_OR_ARRAY = /^[ \t\n\r]*[{[]/;

/** Far beyond any request body of the API (4 levels, arrays of at most 500), far below what would exhaust a stack. */
export const BODY_LIMITS = { depth: 32, members: 1_000 } as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * Walks the text once, before it is parsed, for the first container nested too deep or holding too many members.
 * Not a validator: text that is not JSON passes here and is refused by the parser.
 */
export const bodyShapeViolation = (
  text: string,
  limits: { depth: number; members: number } = BODY_LIMITS,
): { rule: 'maxDepth' | 'maxMembers'; message: string } | null => {
  const members = new Int32Array(limits.depth + 1);
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      for (index++; index < text.length; index++) {
        const inner = text.charCodeAt(index);
        if (inner === BACKSLASH) index++;
        else if (inner === QUOTE) break;
      }
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      if (depth === limits.depth)
        return {
          rule: 'maxDepth',
          message: `The request body nests arrays and objects more than ${limits.depth} levels deep.`,
        };
      members[++depth] = 1;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      if (depth > 0) depth--;
    } else if (char === COMMA && depth > 0 && ++members[depth] > limits.members) {
      return {
        rule: 'maxMembers',
        message: `An array or object of the request body has more than ${limits.members} members.`,
      };
    }
  }
  return null;
};

const hasNoBody = ({ headers }: FastifyRequest): boolean =>
  headers['transfer-encoding'] === undefined &&
  (headers['content-length'] === undefined || headers['content-length'] === '0');

/**
 * Only JSON bodies, taken as Express's json parser took them: an empty body is `{}`, and only an object or an
 * array is accepted; Fastify's own parser still refuses `__proto__` and `constructor.prototype` keys. A body
 * nested too deep or too wide is refused before it is parsed: validating it would recurse through every level.
 */
export const acceptJsonBodiesOnly = (fastify: FastifyInstance): void => {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body: string, done: Done) => {
      if (body.length === 0) return done(null, {});
      if (!OBJECT_OR_ARRAY.test(body)) return done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
      const violation = bodyShapeViolation(body);
      if (violation) return done(new RequestValidationError([{ field: 'body', ...violation }]));
      parse(request, body, done);
    },
  );
  // `curl -d ''` sends an empty form body: a body-less POST passes whatever its Content-Type, as on Express.
  fastify.addContentTypeParser('*', (request: FastifyRequest, _payload: unknown, done: Done) => {
    if (hasNoBody(request)) done(null, undefined);
    else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE());
  });
};
