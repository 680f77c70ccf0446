/**
 * The stance in force per (actor, topic) at valid time `at`, as known at `knownAt`: the same rule as the
 * positions slices' stanceInForceSql (and the domain's stanceAsOf), grouped by both ids. Parameters are named
 * by their placeholders, so one query can hold it twice (at two valid times).
 */
export const inForceByActorAndTopicSql = (at: string, knownAt: string, filter = 'TRUE'): string => `
  SELECT * FROM (
    SELECT DISTINCT ON (actor_id, topic_id) *
    FROM stance_timeline
    WHERE ${filter}
      AND NOT retracted
      AND recorded_from <= ${knownAt} AND (recorded_to IS NULL OR recorded_to > ${knownAt})
      AND stated_at <= ${at}
    ORDER BY actor_id, topic_id, stated_at DESC, stated_revision DESC
  ) latest
  WHERE withdrawn_at IS NULL OR withdrawn_at > ${at}`;

/** A topic and its subtopics: `ukraine` matches `ukraine.nato-membership`. */
export const topicFilterSql = (param: string): string =>
  `(${param}::text IS NULL OR topic_id = ${param} OR topic_id LIKE ${param} || '.%')`;
