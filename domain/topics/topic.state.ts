import { assertNever } from '../shared/assert-never';
import type { TopicEvent } from './topic.events';

export type Topic =
  { status: 'unregistered' } | { status: 'registered'; topicId: string; title: string; proposition: string };

export const initialTopic = (): Topic => ({ status: 'unregistered' });

export const evolveTopic = (state: Topic, event: TopicEvent): Topic => {
  switch (event.type) {
    case 'TopicRegistered':
    case 'TopicReworded': {
      const { topicId, title, proposition } = event.data;
      return { status: 'registered', topicId, title, proposition };
    }
    default:
      return assertNever(event);
  }
};
