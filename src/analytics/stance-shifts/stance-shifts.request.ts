import { IsOptional, Matches } from 'class-validator';
import { DOTTED_ID } from '@domain/shared/ids';
import { PageRequest } from '../../infrastructure/http/page.request';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class StanceShiftsRequest extends PageRequest {
  /** Only this topic and its subtopics (e.g. `ukraine`). */
  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topic must be a dotted topic id such as ukraine.security-guarantees.us' })
  topic?: string;

  /** Valid time: shifts that took effect at or after this moment (ISO 8601). */
  @IsOptional()
  @IsTimestamp()
  from?: string;

  /** Valid time: shifts that took effect before this moment (ISO 8601). */
  @IsOptional()
  @IsTimestamp()
  to?: string;

  /** Record time: the shifts as we knew them then (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  knownAt?: string;
}
