import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { QuotationEdits } from '@domain/articles';
import { STANCES, type Stance } from '@domain/positions';
import { DOTTED_ID, KEBAB_ID } from '@domain/shared/ids';
import { ConditionRequest } from '../../positions/shared/condition.request';
import { IsDay } from '../../infrastructure/http/validation/is-timestamp.decorator';

/** Accept a queued quotation, with the editor's edits to what extraction proposed; omitted fields keep its values. */
export class AcceptQuotationRequest {
  /** The speaker, when extraction had none or the wrong one. @example "keir-starmer" */
  @IsOptional()
  @Matches(KEBAB_ID, { message: 'actorId must be a kebab-case actor id' })
  actorId?: string;

  /** Register the speaker first when it is an actor candidate (not yet in the registry). */
  @IsOptional()
  @IsBoolean()
  registerActor?: boolean;

  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topicId must be a dotted topic id such as ukraine.security-guarantees.us' })
  topicId?: string;

  @IsOptional()
  @IsIn(STANCES)
  stance?: Stance;

  /** The day said. @example "2025-02-26" */
  @IsOptional()
  @IsDay({ message: 'saidOn must be a day, YYYY-MM-DD' })
  saidOn?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConditionRequest)
  conditions?: ConditionRequest[];

  @IsOptional()
  @IsString()
  @Length(1, 500)
  summary?: string;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence?: number;
}

/** The edits as sent (the quotation's review records them so); `registerActor` is an instruction, not an edit. */
export const toEdits = ({ registerActor: _, ...edits }: AcceptQuotationRequest): QuotationEdits => edits;
