import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';
import type { PositionWriteResult } from '../shared/position-write.result';
import type { AddSourceRequest } from './add-source.request';

export class AddSourceCommand extends Command<PositionWriteResult> {
  constructor(
    readonly actorId: string,
    readonly positionId: string,
    readonly request: AddSourceRequest,
    readonly metadata: EventMetadata,
    readonly conditions: WriteConditionsValue & { knownSince?: Date },
  ) {
    super();
  }
}
