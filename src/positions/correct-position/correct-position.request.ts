import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested } from 'class-validator';
import type { PositionCorrection, PositionFields } from '@domain/positions';
import { toCondition } from '../shared/condition.request';
import { RecordPositionRequest } from '../record-position/record-position.request';

/** Only the fields that were wrong, under the same rules as when recorded; sources are added, not corrected. */
export class PositionChangesRequest extends PartialType(
  OmitType(RecordPositionRequest, ['sources'] as const),
) {}

export class CorrectPositionRequest {
  /** Only the fields that were wrong. */
  @IsDefined()
  @ValidateNested()
  @Type(() => PositionChangesRequest)
  changes!: PositionChangesRequest;

  /** Why the record was wrong. */
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

/** The fields sent, as the domain holds them: conditions' text trimmed, statedAt an ISO instant. */
export const toChanges = (request: PositionChangesRequest): Partial<PositionFields> => {
  const { conditions, statedAt, ...rest } = request;
  const changes: Partial<PositionFields> = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  if (conditions) changes.conditions = conditions.map(toCondition);
  if (statedAt) changes.statedAt = new Date(statedAt).toISOString();
  return changes;
};

export const toCorrection = (request: CorrectPositionRequest): PositionCorrection => ({
  changes: toChanges(request.changes),
  reason: request.reason.trim(),
});
