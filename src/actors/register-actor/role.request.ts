import { IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class RoleRequest {
  /** @example "Prime Minister" */
  @IsString()
  @Length(1, 200)
  title!: string;

  /** The country or organisation: @example "United Kingdom" */
  @IsString()
  @Length(1, 200)
  organisation!: string;

  /** First day in the role (YYYY-MM-DD). */
  @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  from!: string;

  /** Last day in the role (YYYY-MM-DD), null or absent while it holds. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  to?: string | null;
}
