import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type ShiftPosition, shiftsOf } from '@domain/analytics';
import { actorStreamName, type ShiftRatingOverridden } from '@domain/positions';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { EventStore } from '../../infrastructure/event-store/event-store.port';
import {
  type StanceTimelineRow,
  toTimelineVersion,
} from '../../positions/stance-timeline/stance-timeline.row';
import { topicFilterSql } from '../shared/in-force.sql';
import { StanceShiftsQuery } from './stance-shifts.query';

const VERSIONS_KNOWN_AT = `
  SELECT v.*, w.withdrawal_recorded_at
  FROM stance_timeline v
  LEFT JOIN LATERAL (
    SELECT min(recorded_from) AS withdrawal_recorded_at FROM stance_timeline
    WHERE position_id = v.position_id AND withdrawn_at IS NOT NULL AND recorded_from <= $2
  ) w ON TRUE
  WHERE v.actor_id = $1 AND v.recorded_from <= $2 AND (v.recorded_to IS NULL OR v.recorded_to > $2)
    AND ${topicFilterSql('$3')}`;

@QueryHandler(StanceShiftsQuery)
export class StanceShiftsHandler implements IQueryHandler<StanceShiftsQuery> {
  constructor(
    private readonly sql: SqlClient,
    private readonly store: EventStore,
  ) {}

  async execute({ actorId, knownAt, topicId }: StanceShiftsQuery) {
    const rows = await this.sql.query<StanceTimelineRow & { withdrawal_recorded_at: Date | null }>(
      VERSIONS_KNOWN_AT,
      [actorId, knownAt, topicId ?? null],
    );
    const positions: ShiftPosition[] = rows.map((row) => {
      const version = toTimelineVersion(row);
      return {
        ...version,
        seq: Number(version.statedRevision),
        withdrawalRecordedAt: row.withdrawal_recorded_at
          ? new Date(row.withdrawal_recorded_at).toISOString()
          : null,
      };
    });
    // Overrides are few and live on the actor's stream: read them there, as known at knownAt.
    const overrides = (await this.store.readStream(actorStreamName(actorId)))
      .filter((event) => event.type === 'ShiftRatingOverridden')
      .map((event) => (event as unknown as ShiftRatingOverridden).data)
      .filter((data) => Date.parse(data.recordedAt) <= knownAt.getTime())
      .map(({ shiftId, rating, reason, recordedAt }) => ({ shiftId, rating, reason, recordedAt }));
    return shiftsOf(positions, overrides);
  }
}
