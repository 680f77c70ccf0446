import { IsString, Length, Matches } from 'class-validator';
import { DOTTED_ID } from '@domain/shared/ids';

export class RegisterTopicRequest {
  /** Dotted id; its prefixes place it in the hierarchy: @example "ukraine.security-guarantees.us" */
  @Matches(DOTTED_ID, {
    message: 'id must be dotted lowercase kebab segments, e.g. ukraine.security-guarantees.us',
  })
  @Length(1, 200)
  id!: string;

  @IsString()
  @Length(1, 200)
  title!: string;

  /** The proposition "support" agrees with: @example "The US should give Ukraine a post-ceasefire security guarantee" */
  @IsString()
  @Length(1, 1000)
  proposition!: string;
}
