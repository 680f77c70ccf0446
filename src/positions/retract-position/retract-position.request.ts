import { IsString, Length } from 'class-validator';
import type { PositionRetraction } from '@domain/positions';

export class RetractPositionRequest {
  /** Why the record should never have existed, e.g. a misattributed quote. */
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export const toRetraction = (request: RetractPositionRequest): PositionRetraction => ({
  reason: request.reason.trim(),
});
