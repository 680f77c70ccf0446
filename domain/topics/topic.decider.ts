import { assertNever } from '../shared/assert-never';
import type { Decider } from '../shared/decider';
import { DOTTED_ID } from '../shared/ids';
import type { TopicCommand } from './topic.commands';
import {
  InvalidTopicIdError,
  TopicAlreadyRegisteredError,
  TopicNotFoundError,
  TopicUnchangedError,
} from './topic.errors';
import type { TopicEvent } from './topic.events';
import { evolveTopic, initialTopic, type Topic } from './topic.state';

export const decideTopic = (command: TopicCommand, state: Topic): TopicEvent[] => {
  const { topicId, title, proposition } = command.data;
  switch (command.type) {
    case 'RegisterTopic':
      if (!DOTTED_ID.test(topicId)) throw new InvalidTopicIdError(topicId);
      if (state.status === 'registered') {
        if (state.title === title && state.proposition === proposition) return [];
        throw new TopicAlreadyRegisteredError(topicId);
      }
      return [{ type: 'TopicRegistered', data: command.data }];
    case 'RewordTopic':
      if (state.status !== 'registered') throw new TopicNotFoundError(topicId);
      if (state.title === title && state.proposition === proposition) throw new TopicUnchangedError(topicId);
      return [{ type: 'TopicReworded', data: command.data }];
    default:
      return assertNever(command);
  }
};

export const topicDecider: Decider<Topic, TopicCommand, TopicEvent> = {
  decide: decideTopic,
  evolve: evolveTopic,
  initialState: initialTopic,
};
