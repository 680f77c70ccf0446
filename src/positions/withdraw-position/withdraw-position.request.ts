import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class WithdrawPositionRequest {
  /** From when the actor no longer holds it (valid time, ISO 8601). */
  @IsISO8601({ strict: true })
  effectiveAt!: string;

  @IsString()
  @Length(1, 1000)
  reason!: string;

  /** The actor's own words walking it back, when there are any. */
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  quote?: string;
}
