import { IsOptional, IsString, Length } from 'class-validator';
import type { PositionWithdrawal } from '@domain/positions';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class WithdrawPositionRequest {
  /** From when the actor no longer holds it (valid time, ISO 8601). */
  @IsTimestamp()
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

export const toWithdrawal = (request: WithdrawPositionRequest): PositionWithdrawal => ({
  effectiveAt: new Date(request.effectiveAt).toISOString(),
  reason: request.reason.trim(),
  quote: request.quote ?? null,
});
