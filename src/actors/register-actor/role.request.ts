import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { IsDay } from '../../infrastructure/http/validation/is-timestamp.decorator';

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
  @IsDay({ message: 'from must be a day, YYYY-MM-DD' })
  from!: string;

  /** Last day in the role (YYYY-MM-DD), null or absent while it holds. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDay({ message: 'to must be a day, YYYY-MM-DD' })
  to?: string | null;
}
