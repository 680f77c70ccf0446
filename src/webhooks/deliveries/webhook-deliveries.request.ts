import { PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageRequest } from '../../infrastructure/http/page.request';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class DeliveryParams {
  @IsUUID()
  deliveryId!: string;
}

export class DeliveriesQuery extends PickType(PageRequest, ['limit'] as const) {
  @IsOptional()
  @IsIn(['pending', 'delivered', 'dead', 'cancelled'])
  status?: 'pending' | 'delivered' | 'dead' | 'cancelled';
}

export class DeadLettersQuery extends DeliveriesQuery {
  @IsOptional()
  @IsUUID()
  endpointId?: string;
}

export class ReplayRequest {
  /**
   * From this time on (ISO 8601): failed, the deliveries created since; all, the notices of what was recorded
   * since (by their event's record time, however late the notice was stored).
   */
  @IsTimestamp()
  since!: string;

  /** failed: only dead deliveries; all: every notice again (same webhook-id, so receivers dedupe). */
  @IsIn(['failed', 'all'])
  only!: 'failed' | 'all';
}
