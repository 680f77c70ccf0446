import { Command } from '@nestjs/cqrs';
import type { PositionStatement } from '@domain/positions';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { WriteConditionsValue } from '../../infrastructure/event-store/write-conditions';
import type { PositionWriteResult } from '../shared/position-write.result';

/**
 * `positionId` and `commandId` are for callers that own deterministic ids (the seed replay, the article intake);
 * without them the handler derives both from the Idempotency-Key, or gives the position a fresh id.
 */
export type RecordPositionOptions = WriteConditionsValue & {
  positionId?: string;
  commandId?: string;
  knownSince?: Date;
};

export class RecordPositionCommand extends Command<PositionWriteResult> {
  constructor(
    readonly actorId: string,
    readonly statement: PositionStatement,
    readonly metadata: EventMetadata,
    readonly conditions: RecordPositionOptions = {},
  ) {
    super();
  }
}
