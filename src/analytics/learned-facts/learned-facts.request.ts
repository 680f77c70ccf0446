import { IsISO8601, IsOptional } from 'class-validator';
import { PageRequest } from '../../infrastructure/http/page.request';

export class LearnedFactsRequest extends PageRequest {
  /** Record time, exclusive: what we learned after this moment... (ISO 8601) */
  @IsISO8601({ strict: true })
  from!: string;

  /** ...up to and including this one (ISO 8601). Default: now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
