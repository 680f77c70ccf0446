import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';
import type { RateShiftRequest } from './rate-shift.request';

export type RateShiftResult = { revision: string; recordedAt: string; appended: boolean };

export class RateShiftCommand extends Command<RateShiftResult> {
  constructor(
    readonly actorId: string,
    readonly shiftId: string,
    readonly request: RateShiftRequest,
    readonly metadata: EventMetadata,
    readonly conditions: WriteConditionsValue,
  ) {
    super();
  }
}
