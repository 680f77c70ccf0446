import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorPositionsDecider, actorStreamName } from '@domain/positions';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { positionWriteResult } from '../shared/position-write.result';
import { WithdrawPositionCommand } from './withdraw-position.command';

@CommandHandler(WithdrawPositionCommand)
export class WithdrawPositionHandler implements ICommandHandler<WithdrawPositionCommand> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute(command: WithdrawPositionCommand) {
    const { actorId, positionId, withdrawal, metadata, conditions } = command;
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'WithdrawPosition' as const,
        data: {
          positionId,
          actorId,
          effectiveAt: withdrawal.effectiveAt,
          reason: withdrawal.reason,
          quote: withdrawal.quote,
          recordedAt,
        },
      }),
      { metadata, expectedRevision: conditions.expectedRevision },
    );
    return positionWriteResult(positionId, result);
  }
}
