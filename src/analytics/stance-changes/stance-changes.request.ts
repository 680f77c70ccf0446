import { IsOptional, Matches } from 'class-validator';
import { DOTTED_ID, KEBAB_ID } from '@domain/shared/ids';
import { PageRequest } from '../../infrastructure/http/page.request';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class StanceChangesRequest extends PageRequest {
  /** Valid time: the stances in force at this moment... (ISO 8601) */
  @IsTimestamp()
  from!: string;

  /** ...compared with those in force at this one (ISO 8601). */
  @IsTimestamp()
  to!: string;

  /** Record time: both as we knew them then (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  knownAt?: string;

  @IsOptional()
  @Matches(KEBAB_ID, { message: 'actor must be a kebab-case actor id such as keir-starmer' })
  actor?: string;

  /** This topic and its subtopics. */
  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topic must be a dotted topic id such as ukraine.security-guarantees.us' })
  topic?: string;
}
