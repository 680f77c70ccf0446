import { Command } from '@nestjs/cqrs';
import type { ShiftRatingDecision } from '@domain/positions';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';

export type RateShiftResult = { revision: string; recordedAt: string; appended: boolean };

export class RateShiftCommand extends Command<RateShiftResult> {
  constructor(
    readonly actorId: string,
    readonly shiftId: string,
    readonly decision: ShiftRatingDecision,
    readonly metadata: EventMetadata,
    readonly conditions: WriteConditionsValue,
  ) {
    super();
  }
}
