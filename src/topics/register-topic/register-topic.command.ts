import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';

export type TopicWriteResult = { topicId: string; revision: string; appended: boolean };

export class RegisterTopicCommand extends Command<TopicWriteResult> {
  constructor(
    readonly topic: { topicId: string; title: string; proposition: string },
    readonly metadata: EventMetadata,
    readonly commandId?: string,
  ) {
    super();
  }
}
