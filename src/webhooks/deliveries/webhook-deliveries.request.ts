import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class DeliveryParams {
  @IsUUID()
  deliveryId!: string;
}

export class DeliveriesQuery {
  @IsOptional()
  @IsIn(['pending', 'delivered', 'dead', 'cancelled'])
  status?: 'pending' | 'delivered' | 'dead' | 'cancelled';

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DeadLettersQuery extends DeliveriesQuery {
  @IsOptional()
  @IsUUID()
  endpointId?: string;
}

export class ReplayRequest {
  /** Re-send what was created from this time on (ISO 8601). */
  @IsISO8601({ strict: true })
  since!: string;

  /** failed: only dead deliveries; all: every notice again (same webhook-id, so receivers dedupe). */
  @IsIn(['failed', 'all'])
  only!: 'failed' | 'all';
}
