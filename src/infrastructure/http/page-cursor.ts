import { RequestValidationError } from './request-validation.error';

/** Which list a cursor belongs to: written into it, so that a cursor from another list is refused. */
export type CursorRoute =
  | 'actors'
  | 'topics'
  | 'review'
  | 'history'
  | 'quotations'
  | 'learned'
  | 'changes'
  | 'compare'
  | 'shifts'
  | 'webhook-endpoints';

export const CURSOR_MESSAGE = 'after must be a cursor returned as next by a previous page of this list';

export const invalidCursor = (field = 'after'): RequestValidationError =>
  new RequestValidationError([{ field, rule: 'validCursor', message: CURSOR_MESSAGE }]);

/** Opaque to clients: the list's name and the sort key of the last item of a page, as base64url JSON. */
export const encodeCursor = (route: CursorRoute, key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify([route, ...key]), 'utf8').toString('base64url');

/** The key in a cursor this list issued, or null without one; anything else is a 400 naming `after`. */
export const decodeCursor = <K extends readonly (string | number)[]>(
  cursor: string | undefined,
  route: CursorRoute,
  shape: { [I in keyof K]: 'string' | 'number' },
  check: (key: K) => boolean = () => true,
): K | null => {
  if (cursor === undefined) return null;
  let decoded: unknown;
  try {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    // Node's base64url decoder skips what it cannot read: only a cursor that encodes back to itself is ours.
    decoded = Buffer.from(text, 'utf8').toString('base64url') === cursor ? JSON.parse(text) : null;
  } catch {
    decoded = null;
  }
  const key = Array.isArray(decoded) && decoded[0] === route ? decoded.slice(1) : null;
  const valid =
    key !== null &&
    key.length === shape.length &&
    key.every((part, index) => typeof part === shape[index]) &&
    check(key as unknown as K);
  if (!valid) throw invalidCursor();
  return key as unknown as K;
};

/** A page of an ordered list computed in memory: the items after the cursor's key, and the next cursor. */
export const pageOf = <T>(
  route: CursorRoute,
  items: readonly T[],
  keyOf: (item: T) => readonly (string | number)[],
  isAfter: (item: T) => boolean,
  limit: number,
): { items: T[]; next: string | null } => {
  const rest = items.filter(isAfter);
  const page = rest.slice(0, limit);
  return {
    items: page,
    next: rest.length > limit ? encodeCursor(route, keyOf(page[page.length - 1])) : null,
  };
};
