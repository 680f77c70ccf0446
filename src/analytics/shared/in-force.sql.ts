import { stanceInForceSql } from '../../positions/shared/stance-in-force.sql';

/** The stance in force per (actor, topic): the positions slices' rule, unordered, with named placeholders. */
export const inForceByActorAndTopicSql = (at: string, knownAt: string, filter = 'TRUE'): string =>
  stanceInForceSql(filter, 'actor_id, topic_id', { at, knownAt, ordered: false });

/** A topic and its subtopics: `ukraine` matches `ukraine.nato-membership`. */
export const topicFilterSql = (param: string): string =>
  `(${param}::text IS NULL OR topic_id = ${param} OR topic_id LIKE ${param} || '.%')`;
