import type { TrackedPosition } from '@domain/positions';
import { col, type RowOf, table } from '../../infrastructure/read-models/table';

/** What the webhooks projection keeps of each position to tell when the stance in force changes. */
export const webhookPositionStateTable = table<TrackedPosition>('webhook_position_state')({
  position_id: col.text((p) => p.positionId),
  actor_id: col.text((p) => p.actorId),
  topic_id: col.text((p) => p.topicId),
  stance: col.text((p) => p.stance),
  conditions: col.jsonb((p) => p.conditions),
  summary: col.text((p) => p.summary),
  stated_at: col.timestamptz((p) => p.statedAt),
  stated_revision: col.bigint((p) => p.seq),
  withdrawn_at: col.timestamptzOrNull((p) => p.withdrawnAt),
  retracted: col.boolean((p) => p.retracted),
});

type Row = RowOf<typeof webhookPositionStateTable>;

export const toTrackedPosition = (row: Row): TrackedPosition => ({
  positionId: row.position_id,
  actorId: row.actor_id,
  topicId: row.topic_id,
  stance: row.stance,
  conditions: row.conditions,
  summary: row.summary,
  statedAt: new Date(row.stated_at).toISOString(),
  seq: Number(row.stated_revision),
  withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at).toISOString() : null,
  retracted: row.retracted,
});
