import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { DOTTED_ID, KEBAB_ID } from '@domain/shared/ids';
import { PageRequest } from '../../infrastructure/http/page.request';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class QuotationSearchRequest extends PageRequest {
  /** Web-search syntax: words, "a phrase", -excluded, or. */
  @IsString()
  @Length(1, 200)
  q!: string;

  @IsOptional()
  @Matches(KEBAB_ID, { message: 'actor must be a kebab-case actor id such as keir-starmer' })
  actor?: string;

  /** This topic and its subtopics. */
  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topic must be a dotted topic id such as ukraine.security-guarantees.us' })
  topic?: string;

  /** Valid time: stated at or after (ISO 8601). */
  @IsOptional()
  @IsTimestamp()
  from?: string;

  /** Valid time: stated before (ISO 8601). */
  @IsOptional()
  @IsTimestamp()
  to?: string;

  /** Record time: the record as we knew it then (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  knownAt?: string;
}
