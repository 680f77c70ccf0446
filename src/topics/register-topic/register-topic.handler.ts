import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { topicDecider, topicStreamName } from '@domain/topics';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { RegisterTopicCommand } from './register-topic.command';

@CommandHandler(RegisterTopicCommand)
export class RegisterTopicHandler implements ICommandHandler<RegisterTopicCommand> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute({ topic, metadata, commandId }: RegisterTopicCommand) {
    const result = await this.runner.run(
      topicDecider,
      topicStreamName(topic.topicId),
      (recordedAt) => ({ type: 'RegisterTopic' as const, data: { ...topic, recordedAt } }),
      { metadata, commandId },
    );
    return { topicId: topic.topicId, revision: result.revision, appended: result.appended };
  }
}
