import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { DOTTED_ID } from '@domain/shared/ids';
import { PageRequest } from '../../infrastructure/http/page.request';

export class StanceShiftsRequest extends PageRequest {
  /** Only this topic and its subtopics (e.g. `ukraine`). */
  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topic must be a dotted topic id such as ukraine.security-guarantees.us' })
  topic?: string;

  /** Valid time: shifts that took effect at or after this moment (ISO 8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Valid time: shifts that took effect before this moment (ISO 8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  /** Record time: the shifts as we knew them then (ISO 8601). Default: now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAt?: string;
}
