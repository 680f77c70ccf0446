import { RequestValidationError } from './request-validation.error';

/** Opaque to clients: the sort key of the last item of a page, as base64url JSON. */
export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export const decodeCursor = <K extends readonly (string | number)[]>(
  cursor: string | undefined,
  shape: { [I in keyof K]: 'string' | 'number' },
  check: (key: K) => boolean = () => true,
): K | null => {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const valid =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, index) => typeof part === shape[index]) &&
    check(key as unknown as K);
  if (!valid) {
    throw new RequestValidationError([
      {
        field: 'after',
        rule: 'cursor',
        message: 'after must be a cursor returned as next by a previous page',
      },
    ]);
  }
  return key as unknown as K;
};

/** A page of an ordered list computed in memory: the items after the cursor's key, and the next cursor. */
export const pageOf = <T>(
  items: readonly T[],
  keyOf: (item: T) => readonly (string | number)[],
  isAfter: (item: T) => boolean,
  limit: number,
): { items: T[]; next: string | null } => {
  const rest = items.filter(isAfter);
  const page = rest.slice(0, limit);
  return { items: page, next: rest.length > limit ? encodeCursor(keyOf(page[page.length - 1])) : null };
};
