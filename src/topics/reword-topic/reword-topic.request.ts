import { IsString, Length } from 'class-validator';

/** Rewording keeps the proposition's direction; a different proposition is a new topic. */
export class RewordTopicRequest {
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsString()
  @Length(1, 1000)
  proposition!: string;

  @IsString()
  @Length(1, 1000)
  reason!: string;
}
