import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorPositionsDecider, actorStreamName } from '@domain/positions';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { TopicLookup } from '../../topics/topic-lookup/topic-lookup';
import { positionWriteResult } from '../shared/position-write.result';
import { CorrectPositionCommand } from './correct-position.command';

@CommandHandler(CorrectPositionCommand)
export class CorrectPositionHandler implements ICommandHandler<CorrectPositionCommand> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly topics: TopicLookup,
  ) {}

  async execute(command: CorrectPositionCommand) {
    const { actorId, positionId, metadata, conditions } = command;
    const { changes, reason } = command.correction;
    const knownTopicIds = await this.topics.existing([
      changes.topicId,
      ...(changes.conditions ?? []).map(({ topicId }) => topicId),
    ]);
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'CorrectPosition' as const,
        data: { positionId, actorId, changes, reason, recordedAt, knownTopicIds },
      }),
      { metadata, expectedRevision: conditions.expectedRevision },
    );
    return positionWriteResult(positionId, result);
  }
}
