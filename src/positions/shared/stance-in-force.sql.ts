/**
 * The SQL twin of the domain's stanceAsOf: per group (topic, or actor), the version valid at knownAt ($2)
 * of the latest non-retracted position stated at or before `at` ($1); a withdrawal in force at `at` ends it.
 */
export const stanceInForceSql = (filter: string, groupBy: 'topic_id' | 'actor_id'): string => `
  SELECT * FROM (
    SELECT DISTINCT ON (${groupBy}) *
    FROM stance_timeline
    WHERE ${filter}
      AND NOT retracted
      AND recorded_from <= $2 AND (recorded_to IS NULL OR recorded_to > $2)
      AND stated_at <= $1
    ORDER BY ${groupBy}, stated_at DESC, stated_revision DESC
  ) latest
  WHERE withdrawn_at IS NULL OR withdrawn_at > $1
  ORDER BY ${groupBy}`;
