import { Command } from '@nestjs/cqrs';
import type { PositionWithdrawal } from '@domain/positions';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';
import type { PositionWriteResult } from '../shared/position-write.result';

export class WithdrawPositionCommand extends Command<PositionWriteResult> {
  constructor(
    readonly actorId: string,
    readonly positionId: string,
    readonly withdrawal: PositionWithdrawal,
    readonly metadata: EventMetadata,
    readonly conditions: WriteConditionsValue,
  ) {
    super();
  }
}
