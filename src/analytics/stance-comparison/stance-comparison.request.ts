import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, Matches } from 'class-validator';
import { KEBAB_ID } from '@domain/shared/ids';
import { PageRequest } from '../../infrastructure/http/page.request';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class StanceComparisonRequest extends PageRequest {
  /** Two to ten actor ids, comma-separated: `keir-starmer,donald-trump`. */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMinSize(2, { message: 'actors must name at least two actors, comma-separated' })
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(KEBAB_ID, { each: true, message: 'actors must be kebab-case actor ids such as keir-starmer' })
  actors!: string[];

  /** Valid time (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  at?: string;

  /** Record time (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  knownAt?: string;
}
