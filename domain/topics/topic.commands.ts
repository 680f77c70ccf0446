import type { Command } from '../shared/decider';

export type RegisterTopic = Command<
  'RegisterTopic',
  { topicId: string; title: string; proposition: string; recordedAt: string }
>;
export type RewordTopic = Command<
  'RewordTopic',
  { topicId: string; title: string; proposition: string; reason: string; recordedAt: string }
>;

export type TopicCommand = RegisterTopic | RewordTopic;
