import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CORRECTABLE_FIELDS, type TimelineVersion } from '@domain/positions';
import { canonicalJson } from '@domain/shared/canonical-json';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { toStanceView } from '../../positions/shared/stance.view';
import {
  type StanceTimelineRow,
  toTimelineVersion,
} from '../../positions/stance-timeline/stance-timeline.row';
import type { LearnedFact } from './learned-fact.view';
import { LEARNED_KINDS } from './learned-fact.view';
import { LearnedFactsQuery } from './learned-facts.query';

const LEARNED = `
  SELECT t.*, to_jsonb(p) AS previous
  FROM stance_timeline t
  LEFT JOIN LATERAL (
    SELECT * FROM stance_timeline p
    WHERE p.position_id = t.position_id AND p.recorded_to = t.recorded_from AND p.version_id < t.version_id
    ORDER BY p.version_id DESC LIMIT 1
  ) p ON TRUE
  WHERE t.recorded_from > $1 AND t.recorded_from <= $2
    AND (t.recorded_from, t.version_id) > ($3::timestamptz, $4::bigint)
  ORDER BY t.recorded_from, t.version_id
  LIMIT $5`;

const withValidity = (row: StanceTimelineRow) => {
  const version = toTimelineVersion(row);
  return { ...toStanceView(row), withdrawnAt: version.withdrawnAt, retracted: version.retracted };
};

const changedFields = (previous: TimelineVersion | null, current: TimelineVersion): string[] =>
  previous
    ? CORRECTABLE_FIELDS.filter((field) => canonicalJson(previous[field]) !== canonicalJson(current[field]))
    : [];

@QueryHandler(LearnedFactsQuery)
export class LearnedFactsHandler implements IQueryHandler<LearnedFactsQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ from, to, afterKey, limit }: LearnedFactsQuery): Promise<LearnedFact[]> {
    const rows = await this.sql.query<StanceTimelineRow & { previous: StanceTimelineRow | null }>(LEARNED, [
      from,
      to,
      afterKey?.[0] ?? new Date(0).toISOString(),
      afterKey?.[1] ?? 0,
      limit,
    ]);
    return rows.map((row) => {
      const current = toTimelineVersion(row);
      const previous = row.previous && toTimelineVersion(row.previous);
      return {
        kind: LEARNED_KINDS[current.change],
        recordedAt: current.recordedFrom,
        actorId: current.actorId,
        topicId: current.topicId,
        positionId: current.positionId,
        reason: current.reason,
        changedFields: current.change === 'corrected' ? changedFields(previous, current) : [],
        position: withValidity(row),
        previous: row.previous && withValidity(row.previous),
        sequence: Number(row.version_id),
      };
    });
  }
}
