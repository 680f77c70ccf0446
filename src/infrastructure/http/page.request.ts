import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class PageRequest {
  /** Opaque cursor from a previous page's `next`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, {
    message: 'after must be a cursor returned as next by a previous page',
  })
  after?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export const encodeKeyCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
export const decodeKeyCursor = (cursor: string | undefined): string =>
  cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
