import { Command } from '@nestjs/cqrs';
import type { Source } from '@domain/positions';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';
import type { PositionWriteResult } from '../shared/position-write.result';

export class AddSourceCommand extends Command<PositionWriteResult> {
  constructor(
    readonly actorId: string,
    readonly positionId: string,
    readonly source: Source,
    readonly metadata: EventMetadata,
    readonly conditions: WriteConditionsValue & { knownSince?: Date },
  ) {
    super();
  }
}
