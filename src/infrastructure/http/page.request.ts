import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { CURSOR_MESSAGE } from './page-cursor';

export const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,400}$/;

/** A cursor's grammar (base64url unless a pattern is given); the list that decodes it checks it is one of its own. */
export const IsCursor =
  (pattern: RegExp = CURSOR_PATTERN, options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'validCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [pattern],
      options: { message: CURSOR_MESSAGE, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && pattern.test(value) },
    });

/** `limit` as plain decimal digits only: `0x10`, `1e3`, `010`, ` 5` and `5.0` stay text and fail isInt. */
export const toPageLimit = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : value;

const WHOLE = 'limit must be a whole number in plain decimal digits (no sign, exponent, hex or leading zero)';
const RANGE = 'limit must be from 1 to 500';

export class PageRequest {
  /** Opaque cursor from a previous page's `next`. */
  @IsOptional()
  @IsCursor()
  after?: string;

  @IsOptional()
  @Transform(toPageLimit)
  @IsInt({ message: WHOLE })
  @Min(1, { message: RANGE })
  @Max(500, { message: RANGE })
  limit?: number;
}
