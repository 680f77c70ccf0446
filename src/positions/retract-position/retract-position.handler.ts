import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorPositionsDecider, actorStreamName } from '@domain/positions';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { positionWriteResult } from '../shared/position-write.result';
import { RetractPositionCommand } from './retract-position.command';

@CommandHandler(RetractPositionCommand)
export class RetractPositionHandler implements ICommandHandler<RetractPositionCommand> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute({ actorId, positionId, request, metadata, conditions }: RetractPositionCommand) {
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'RetractPosition' as const,
        data: { positionId, actorId, reason: request.reason.trim(), recordedAt },
      }),
      { metadata, expectedRevision: conditions.expectedRevision },
    );
    return positionWriteResult(positionId, result);
  }
}
