import type { Event } from '../shared/decider';

/** `proposition` fixes the topic's direction: "support" always means agreeing with it. */
export type TopicRegistered = Event<
  'TopicRegistered',
  { topicId: string; title: string; proposition: string; recordedAt: string }
>;
/** Rewording only: a revision must keep the proposition's direction, or it is a new topic. */
export type TopicReworded = Event<
  'TopicReworded',
  { topicId: string; title: string; proposition: string; reason: string; recordedAt: string }
>;

export type TopicEvent = TopicRegistered | TopicReworded;
