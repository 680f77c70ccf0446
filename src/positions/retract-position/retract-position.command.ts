import { Command } from '@nestjs/cqrs';
import type { PositionRetraction } from '@domain/positions';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';
import type { PositionWriteResult } from '../shared/position-write.result';

export class RetractPositionCommand extends Command<PositionWriteResult> {
  constructor(
    readonly actorId: string,
    readonly positionId: string,
    readonly retraction: PositionRetraction,
    readonly metadata: EventMetadata,
    readonly conditions: WriteConditionsValue,
  ) {
    super();
  }
}
