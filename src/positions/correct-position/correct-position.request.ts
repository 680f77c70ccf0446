import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested } from 'class-validator';
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
