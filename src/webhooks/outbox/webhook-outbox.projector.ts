import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  type Condition,
  isPositionEvent,
  type PositionEvent,
  type Stance,
  trackStanceChanges,
  type TrackedPosition,
} from '@domain/positions';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import { withStagedRows } from '../../infrastructure/database/staged-copy';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../../infrastructure/read-models/projection';
import type { WebhookEventType } from '../webhook-event-types';
import { type WebhookMessage, WebhookQueue } from './webhook-queue';

const MESSAGE_NAMESPACE = '2c5e8f0a-7d4b-4c1e-9f3a-6b8d0e2a4c61';

type Row = {
  position_id: string;
  actor_id: string;
  topic_id: string;
  stance: Stance;
  conditions: Condition[];
  summary: string;
  stated_at: Date;
  stated_revision: string | number;
  withdrawn_at: Date | null;
  retracted: boolean;
};

const fromRow = (row: Row): TrackedPosition => ({
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

const STATE_COLUMNS = [
  'position_id',
  'actor_id',
  'topic_id',
  'stance',
  'conditions',
  'summary',
  'stated_at',
  'stated_revision',
  'withdrawn_at',
  'retracted',
] as const;

const POSITION_NOTICES: Readonly<Record<PositionEvent['type'], WebhookEventType | null>> = {
  PositionStated: 'position.stated',
  PositionSourceAdded: null,
  PositionWithdrawn: 'position.withdrawn',
  PositionCorrected: 'position.corrected',
  PositionRetracted: 'position.retracted',
};

/**
 * The webhooks projection: turns events into notices and their deliveries, in the same transaction as its
 * checkpoint, so nothing is enqueued twice or lost between the store and the outbox.
 */
@Injectable()
export class WebhookOutboxProjector extends Projection {
  readonly name = 'webhooks';
  readonly tables = ['webhook_position_state'];
  private enqueuedSinceCommit = 0;

  constructor(private readonly queue: WebhookQueue) {
    super();
  }

  handles(event: RecordedEvent): boolean {
    return isPositionEvent(event) && event.type !== 'PositionSourceAdded';
  }

  async apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    const table = tables.webhook_position_state;
    const actorIds = [...new Set(events.map((event) => (event.data as PositionEvent['data']).actorId))];
    const rows = await tx.query<Row>(`SELECT * FROM ${table} WHERE actor_id = ANY($1::text[])`, [actorIds]);
    // Per actor: following the stance in force looks only at the actor's own positions.
    const byActor = new Map<string, Map<string, TrackedPosition>>();
    const positionsOf = (actorId: string) => {
      let positions = byActor.get(actorId);
      if (!positions) byActor.set(actorId, (positions = new Map()));
      return positions;
    };
    for (const row of rows) positionsOf(row.actor_id).set(row.position_id, fromRow(row));
    const changed = new Map<string, TrackedPosition>();
    const messages: WebhookMessage[] = [];
    const message = (
      recorded: RecordedEvent,
      eventType: WebhookEventType,
      actorId: string,
      topicId: string,
      data: Record<string, unknown>,
    ) =>
      messages.push({
        messageId: `msg_${uuidv5(`${recorded.id}:${eventType}:${topicId}`, MESSAGE_NAMESPACE)}`,
        eventType,
        actorId,
        topicId,
        payload: { type: eventType, timestamp: recorded.recordedAt, data },
        sourcePosition: recorded.position,
      });

    for (const recorded of events) {
      const event = recorded as unknown as PositionEvent;
      const { actorId, positionId } = event.data;
      const { position, changes } = trackStanceChanges(
        positionsOf(actorId),
        event,
        Number(recorded.revision),
      );
      if (!position) continue;
      changed.set(positionId, position);

      const notice = POSITION_NOTICES[event.type];
      if (notice)
        message(recorded, notice, actorId, position.topicId, { ...event.data, topicId: position.topicId });
      for (const { topicId, before, after, rating } of changes) {
        message(recorded, 'stance.changed', actorId, topicId, {
          actorId,
          topicId,
          before,
          after,
          rating,
          recordedAt: event.data.recordedAt,
          cause: { event: event.type, positionId },
        });
      }
    }

    // Staged by COPY, then one upsert: cheaper for the server than parsing a page's rows from one JSON parameter.
    await withStagedRows(
      tx,
      table,
      STATE_COLUMNS,
      [...changed.values()].map((position) => [
        position.positionId,
        position.actorId,
        position.topicId,
        position.stance,
        position.conditions,
        position.summary,
        position.statedAt,
        position.seq,
        position.withdrawnAt,
        position.retracted,
      ]),
      (source) =>
        `INSERT INTO ${table} (${STATE_COLUMNS.join(', ')}) SELECT ${STATE_COLUMNS.join(', ')} FROM ${source}
         ON CONFLICT (position_id) DO UPDATE SET topic_id = EXCLUDED.topic_id, stance = EXCLUDED.stance,
           conditions = EXCLUDED.conditions, summary = EXCLUDED.summary, stated_at = EXCLUDED.stated_at,
           withdrawn_at = EXCLUDED.withdrawn_at, retracted = EXCLUDED.retracted`,
    );
    this.enqueuedSinceCommit += await this.queue.enqueue(tx, messages, await this.queue.endpoints(tx));
  }

  override afterCommit(): void {
    if (this.enqueuedSinceCommit > 0) this.queue.notify();
    this.enqueuedSinceCommit = 0;
  }
}
