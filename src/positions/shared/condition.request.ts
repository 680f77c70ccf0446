import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { Condition } from '@domain/positions';
import { DOTTED_ID } from '@domain/shared/ids';

export class ConditionRequest {
  /** What the stance is conditioned on, in words. */
  @IsString()
  @Length(1, 500)
  text!: string;

  /** The topic the condition is itself a stance on, when there is one. */
  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topicId must be a dotted topic id such as ukraine.security-guarantees.us' })
  topicId?: string;
}

export const toCondition = ({ text, topicId }: ConditionRequest): Condition => ({
  text: text.trim(),
  topicId: topicId ?? null,
});
