import type { FastifyReply, FastifyRequest, preValidationHookHandler } from 'fastify';
import { describeError } from './domain-error.filter';
import { type FieldViolation, RequestValidationError } from './request-validation.error';

const NUL = '\u0000';
// With the u flag a surrogate pair is one code point: only a lone surrogate is in the Cs category.
const LONE_SURROGATE = /\p{Cs}/u;

const violationOf = (field: string, text: string): FieldViolation | null => {
  if (text.includes(NUL))
    return { field, rule: 'noNulCharacter', message: `${field} must not contain the NUL character (U+0000)` };
  if (LONE_SURROGATE.test(text))
    return {
      field,
      rule: 'wellFormedUnicode',
      message: `${field} must be well-formed Unicode (a lone surrogate such as \\ud800 is not)`,
    };
  return null;
};

const childField = (parent: string, key: string, isArray: boolean): string =>
  isArray ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** Every string (and key) in a parsed value that PostgreSQL could not store, named as the validation pipe names fields. */
export const unstorableText = (value: unknown, field = ''): FieldViolation[] => {
  if (typeof value === 'string') {
    const violation = violationOf(field || 'body', value);
    return violation ? [violation] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const isArray = Array.isArray(value);
  return Object.entries(value).flatMap(([key, item]) => {
    const path = childField(field, key, isArray);
    const ownKey = isArray ? null : violationOf(path, key);
    return [...(ownKey ? [ownKey] : []), ...unstorableText(item, path)];
  });
};

/**
 * A preValidation hook: a NUL character or a lone surrogate anywhere in the path parameters, the query or the JSON
 * body is refused with 400 naming the field, before any handler runs: PostgreSQL refuses both in text and jsonb,
 * and what it refuses after validation would otherwise be a 500 (and half a request).
 */
export const refuseUnstorableText: preValidationHookHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  done,
) => {
  const violations = [
    ...unstorableText(request.params),
    ...unstorableText(request.query),
    ...unstorableText(request.body),
  ];
  if (violations.length === 0) return done();
  const [status, body] = describeError(new RequestValidationError(violations));
  void reply.status(status).send(body);
};
