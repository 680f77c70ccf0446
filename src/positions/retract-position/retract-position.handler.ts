import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorPositionsDecider, actorStreamName } from '@domain/positions';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { positionWriteResult } from '../shared/position-write.result';
import { RetractPositionCommand } from './retract-position.command';

@CommandHandler(RetractPositionCommand)
export class RetractPositionHandler implements ICommandHandler<RetractPositionCommand> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute(command: RetractPositionCommand) {
    const { actorId, positionId, metadata, conditions } = command;
    const { reason } = command.retraction;
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'RetractPosition' as const,
        data: { positionId, actorId, reason, recordedAt },
      }),
      { metadata, expectedRevision: conditions.expectedRevision },
    );
    return positionWriteResult(positionId, result);
  }
}
