import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { TopicWriteResult } from '../register-topic/register-topic.command';
import type { RewordTopicRequest } from './reword-topic.request';

export class RewordTopicCommand extends Command<TopicWriteResult> {
  constructor(
    readonly topicId: string,
    readonly request: RewordTopicRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
