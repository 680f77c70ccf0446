import { Command } from '@nestjs/cqrs';
import type { TopicRewording } from '@domain/topics';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { TopicWriteResult } from '../register-topic/register-topic.command';

export class RewordTopicCommand extends Command<TopicWriteResult> {
  constructor(
    readonly topicId: string,
    readonly rewording: TopicRewording,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
