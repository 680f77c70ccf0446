import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { DOTTED_ID } from '@domain/shared/ids';
import { PageRequest } from '../../infrastructure/http/page.request';

export class ActorHistoryRequest extends PageRequest {
  /** Record time: the history as we knew it then (ISO 8601). Default: now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAt?: string;

  /** Only this topic and its subtopics (e.g. `ukraine`). */
  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topic must be a dotted topic id such as ukraine.security-guarantees.us' })
  topic?: string;
}
