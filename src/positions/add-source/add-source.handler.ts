import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorPositionsDecider, actorStreamName } from '@domain/positions';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { positionWriteResult } from '../shared/position-write.result';
import { AddSourceCommand } from './add-source.command';

@CommandHandler(AddSourceCommand)
export class AddSourceHandler implements ICommandHandler<AddSourceCommand> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute({ actorId, positionId, source, metadata, conditions }: AddSourceCommand) {
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'AddSource' as const,
        data: { positionId, actorId, source, recordedAt },
      }),
      {
        metadata,
        expectedRevision: conditions.expectedRevision,
        commandId:
          conditions.idempotencyKey &&
          `${metadata.recordedBy}:${positionId}:source:${conditions.idempotencyKey}`,
        knownSince: conditions.knownSince,
      },
    );
    return positionWriteResult(positionId, result);
  }
}
