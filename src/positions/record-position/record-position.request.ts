import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
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
  type PositionStatement,
  STANCES,
  STATED_AT_PRECISIONS,
  type Stance,
  type StatedAtPrecision,
} from '@domain/positions';
import { DOTTED_ID } from '@domain/shared/ids';
import { ConditionRequest, toCondition } from '../shared/condition.request';
import { SourceRequest, toSource } from '../shared/source.request';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class RecordPositionRequest {
  /** @example "ukraine.security-guarantees.us" */
  @Matches(DOTTED_ID, { message: 'topicId must be a dotted topic id such as ukraine.security-guarantees.us' })
  topicId!: string;

  @IsIn(STANCES)
  stance!: Stance;

  /** Required for conditional-support and conditional-opposition, and only for them. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConditionRequest)
  conditions?: ConditionRequest[];

  @IsString()
  @Length(1, 500)
  summary!: string;

  /** The exact quotation; required for direct-quote and partial-quote evidence. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 10_000)
  quote?: string | null;

  @IsIn(EVIDENCE_TYPES)
  evidenceType!: EvidenceType;

  /** When it was said (ISO 8601): a day such as 2025-02-26, or an instant. */
  @IsTimestamp()
  statedAt!: string;

  /** Defaults to day for a date alone, instant for a date and time. */
  @IsOptional()
  @IsIn(STATED_AT_PRECISIONS)
  statedAtPrecision?: StatedAtPrecision;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SourceRequest)
  sources!: SourceRequest[];

  /**
   * Admin backfill only: when this fact became known (an ISO 8601 instant in the past), e.g. when its first
   * source was published. `knownAt` reads then answer "what had been reported by then"; without it the record
   * time is now.
   */
  @IsOptional()
  @IsTimestamp()
  knownSince?: string;
}

export const precisionOf = (statedAt: string, precision?: StatedAtPrecision): StatedAtPrecision =>
  precision ?? (/^\d{4}-\d{2}-\d{2}$/.test(statedAt) ? 'day' : 'instant');

/**
 * The statement as the domain holds it: summary and conditions' text trimmed, statedAt an ISO instant with its
 * precision, sources with every field present. `knownSince` is no part of it: the controller passes it on.
 */
export const toStatement = (request: RecordPositionRequest): PositionStatement => ({
  topicId: request.topicId,
  stance: request.stance,
  conditions: (request.conditions ?? []).map(toCondition),
  summary: request.summary.trim(),
  quote: request.quote ?? null,
  evidenceType: request.evidenceType,
  statedAt: new Date(request.statedAt).toISOString(),
  statedAtPrecision: precisionOf(request.statedAt, request.statedAtPrecision),
  confidence: request.confidence,
  sources: request.sources.map(toSource),
});
