import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';
import type { PositionWriteResult } from '../shared/position-write.result';
import type { RecordPositionRequest } from './record-position.request';

export class RecordPositionCommand extends Command<PositionWriteResult> {
  constructor(
    readonly actorId: string,
    readonly positionId: string,
    readonly request: RecordPositionRequest,
    readonly metadata: EventMetadata,
    readonly conditions: WriteConditionsValue & { commandId?: string; knownSince?: Date } = {},
  ) {
    super();
  }
}
