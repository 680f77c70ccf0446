import type { Command } from '../shared/decider';

export type RegisterTopic = Command<
  'RegisterTopic',
  { topicId: string; title: string; proposition: string; recordedAt: string }
>;
export type RewordTopic = Command<
  'RewordTopic',
  { topicId: string; title: string; proposition: string; reason: string; recordedAt: string }
>;

/** A topic's new wording and why, as a caller gives it. */
export type TopicRewording = Pick<RewordTopic['data'], 'title' | 'proposition' | 'reason'>;

export type TopicCommand = RegisterTopic | RewordTopic;
