import { IsOptional } from 'class-validator';
import { PageRequest } from '../../infrastructure/http/page.request';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class LearnedFactsRequest extends PageRequest {
  /** Record time, exclusive: what we learned after this moment... (ISO 8601) */
  @IsTimestamp()
  from!: string;

  /** ...up to and including this one (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  to?: string;
}
