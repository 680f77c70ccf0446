/**
 * The SQL twin of the domain's stanceAsOf: per group (topic, actor, or both), the version valid at `knownAt`
 * (placeholder `$2` unless named) of the latest non-retracted position stated at or before `at` (`$1`); a
 * withdrawal in force at `at` ends it. Naming the placeholders lets one query hold it twice (two valid times).
 */
export const stanceInForceSql = (
  filter: string,
  groupBy: 'topic_id' | 'actor_id' | 'actor_id, topic_id',
  { at = '$1', knownAt = '$2', ordered = true }: { at?: string; knownAt?: string; ordered?: boolean } = {},
): string => `
  SELECT * FROM (
    SELECT DISTINCT ON (${groupBy}) *
    FROM stance_timeline
    WHERE ${filter}
      AND NOT retracted
      AND recorded_from <= ${knownAt} AND (recorded_to IS NULL OR recorded_to > ${knownAt})
      AND stated_at <= ${at}
    ORDER BY ${groupBy}, stated_at DESC, stated_revision DESC
  ) latest
  WHERE withdrawn_at IS NULL OR withdrawn_at > ${at}${ordered ? `\n  ORDER BY ${groupBy}` : ''}`;
