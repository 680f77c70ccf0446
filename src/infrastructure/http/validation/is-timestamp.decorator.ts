import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The one date-time grammar of the API: a day `YYYY-MM-DD` (its start, UTC) or an RFC 3339 instant
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with `Z` or an offset. ISO 8601's week (`2025-W09`) and ordinal
 * (`2025-058`) dates, local times without an offset and impossible days are refused.
 */
export const TIMESTAMP_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$';
export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const TIMESTAMP = new RegExp(TIMESTAMP_PATTERN);
const DAY = new RegExp(DAY_PATTERN);

/** Strict ISO 8601 on top of the grammar refuses the 30th of February and the 25th hour. */
export const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && TIMESTAMP.test(value) && isISO8601(value, { strict: true });

export const isDay = (value: unknown): value is string =>
  typeof value === 'string' && DAY.test(value) && isISO8601(value, { strict: true });

export const IsTimestamp =
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'isTimestamp',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ property }) =>
          `${property} must be a day (YYYY-MM-DD) or an RFC 3339 date-time with Z or an offset (2025-02-27T12:00:00Z)`,
        ...options,
      },
      validator: { validate: isTimestamp },
    });

export const IsDay =
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'isDay',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: ({ property }) => `${property} must be a day, YYYY-MM-DD`, ...options },
      validator: { validate: isDay },
    });
