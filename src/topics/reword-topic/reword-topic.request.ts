import { IsString, Length } from 'class-validator';
import type { TopicRewording } from '@domain/topics';

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

export const toRewording = (request: RewordTopicRequest): TopicRewording => ({
  title: request.title.trim(),
  proposition: request.proposition.trim(),
  reason: request.reason.trim(),
});
