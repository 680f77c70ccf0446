import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorPositionsDecider, actorStreamName, type PositionFields } from '@domain/positions';
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

  async execute({ actorId, positionId, request, metadata, conditions }: CorrectPositionCommand) {
    const { conditions: conditionList, statedAt, ...rest } = request.changes;
    const changes: Partial<PositionFields> = Object.fromEntries(
      Object.entries(rest).filter(([, value]) => value !== undefined),
    );
    if (conditionList)
      changes.conditions = conditionList.map(({ text, topicId }) => ({
        text: text.trim(),
        topicId: topicId ?? null,
      }));
    if (statedAt) changes.statedAt = new Date(statedAt).toISOString();
    const knownTopicIds = await this.topics.existing([
      changes.topicId,
      ...(changes.conditions ?? []).map(({ topicId }) => topicId),
    ]);
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'CorrectPosition' as const,
        data: { positionId, actorId, changes, reason: request.reason.trim(), recordedAt, knownTopicIds },
      }),
      { metadata, expectedRevision: conditions.expectedRevision },
    );
    return positionWriteResult(positionId, result);
  }
}
