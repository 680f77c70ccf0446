import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EVIDENCE_TYPES,
  type EvidenceType,
  STANCES,
  STATED_AT_PRECISIONS,
  type Stance,
  type StatedAtPrecision,
} from '@domain/positions';
import { DOTTED_ID } from '@domain/shared/ids';
import { ConditionRequest } from '../shared/condition.request';

/** Only the fields that were wrong; each replaces the recorded value from the correction's record time on. */
export class PositionChangesRequest {
  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topicId must be a dotted topic id such as ukraine.security-guarantees.us' })
  topicId?: string;

  @IsOptional()
  @IsIn(STANCES)
  stance?: Stance;

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
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 10_000)
  quote?: string | null;

  @IsOptional()
  @IsIn(EVIDENCE_TYPES)
  evidenceType?: EvidenceType;

  @IsOptional()
  @IsISO8601({ strict: true })
  statedAt?: string;

  @IsOptional()
  @IsIn(STATED_AT_PRECISIONS)
  statedAtPrecision?: StatedAtPrecision;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence?: number;
}

export class CorrectPositionRequest {
  @ValidateNested()
  @Type(() => PositionChangesRequest)
  changes!: PositionChangesRequest;

  /** Why the record was wrong. */
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
