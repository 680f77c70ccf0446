import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { topicDecider, topicStreamName } from '@domain/topics';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { RewordTopicCommand } from './reword-topic.command';

@CommandHandler(RewordTopicCommand)
export class RewordTopicHandler implements ICommandHandler<RewordTopicCommand> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute({ topicId, rewording, metadata }: RewordTopicCommand) {
    const result = await this.runner.run(
      topicDecider,
      topicStreamName(topicId),
      (recordedAt) => ({
        type: 'RewordTopic' as const,
        data: {
          topicId,
          title: rewording.title,
          proposition: rewording.proposition,
          reason: rewording.reason,
          recordedAt,
        },
      }),
      { metadata },
    );
    return { topicId, revision: result.revision, appended: result.appended };
  }
}
