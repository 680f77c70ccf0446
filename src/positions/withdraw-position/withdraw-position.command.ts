import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';
import type { PositionWriteResult } from '../shared/position-write.result';
import type { WithdrawPositionRequest } from './withdraw-position.request';

export class WithdrawPositionCommand extends Command<PositionWriteResult> {
  constructor(
    readonly actorId: string,
    readonly positionId: string,
    readonly request: WithdrawPositionRequest,
    readonly metadata: EventMetadata,
    readonly conditions: WriteConditionsValue,
  ) {
    super();
  }
}
