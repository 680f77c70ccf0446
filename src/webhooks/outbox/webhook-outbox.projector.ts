import { Injectable } from '@nestjs/common';
import { type PositionEvent, stanceChangesProjection, type TrackedPosition } from '@domain/positions';
import { handledBy } from '@domain/shared/projection';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import { withStagedRows } from '../../infrastructure/database/staged-copy';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../../infrastructure/read-models/projection';
import type { RowOf } from '../../infrastructure/read-models/table';
import type { WebhookEventType } from '../webhook-event-types';
import { messageIdOf } from './message-id';
import { toTrackedPosition, webhookPositionStateTable } from './webhook-position-state.table';
import { type WebhookMessage, WebhookQueue } from './webhook-queue';

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
  readonly name = stanceChangesProjection.name;
  readonly tables = [webhookPositionStateTable.name];
  private enqueuedSinceCommit = 0;

  constructor(private readonly queue: WebhookQueue) {
    super();
  }

  handles(event: RecordedEvent): boolean {
    return handledBy(stanceChangesProjection, event);
  }

  async apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    const table = tables[webhookPositionStateTable.name];
    const { written } = webhookPositionStateTable;
    const actorIds = [...new Set(events.map((event) => (event.data as PositionEvent['data']).actorId))];
    const rows = await tx.query<RowOf<typeof webhookPositionStateTable>>(
      `SELECT * FROM ${table} WHERE actor_id = ANY($1::text[])`,
      [actorIds],
    );
    // Per actor: following the stance in force looks only at the actor's own positions.
    const byActor = new Map<string, Map<string, TrackedPosition>>();
    const positionsOf = (actorId: string) => {
      let positions = byActor.get(actorId);
      if (!positions) byActor.set(actorId, (positions = new Map()));
      return positions;
    };
    for (const row of rows) positionsOf(row.actor_id).set(row.position_id, toTrackedPosition(row));
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
        messageId: messageIdOf(`${recorded.id}:${eventType}:${topicId}`),
        eventType,
        actorId,
        topicId,
        payload: { type: eventType, timestamp: recorded.recordedAt, data },
        sourcePosition: recorded.position,
      });

    for (const recorded of events) {
      const event = recorded as unknown as PositionEvent;
      const { actorId, positionId } = event.data;
      const { position, changes } = stanceChangesProjection.evolve(
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
      written,
      [...changed.values()].map(webhookPositionStateTable.encode),
      (source) =>
        `INSERT INTO ${table} (${written.join(', ')}) SELECT ${written.join(', ')} FROM ${source}
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
