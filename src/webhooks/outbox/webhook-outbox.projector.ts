import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  type Condition,
  isPositionEvent,
  type PositionEvent,
  positionInForce,
  rateFlip,
  type Stance,
  stanceScore,
} from '@domain/positions';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../../infrastructure/read-models/projection';
import type { WebhookEventType } from '../webhook-event-types';
import { type WebhookMessage, WebhookQueue } from './webhook-queue';

const MESSAGE_NAMESPACE = '2c5e8f0a-7d4b-4c1e-9f3a-6b8d0e2a4c61';

type PositionState = {
  positionId: string;
  actorId: string;
  topicId: string;
  stance: Stance;
  conditions: Condition[];
  summary: string;
  statedAt: string;
  /** Record order of the statement in the actor's stream. */
  seq: number;
  withdrawnAt: string | null;
  retracted: boolean;
};

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

const fromRow = (row: Row): PositionState => ({
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

/** Every statement is at or before its record time, so the stance in force now is the one in force at any later time. */
const inForce = (positions: Iterable<PositionState>, actorId: string, topicId: string) => {
  const onTopic = [...positions].filter(
    (position) => position.actorId === actorId && position.topicId === topicId,
  );
  const current = positionInForce(onTopic, Number.POSITIVE_INFINITY);
  if (!current) return null;
  const { positionId, stance, conditions, summary, statedAt } = current;
  return { positionId, stance, score: stanceScore(current.stance), conditions, summary, statedAt };
};

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
    const positions = new Map(rows.map((row) => [row.position_id, fromRow(row)]));
    const changed = new Set<string>();
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
      const current = positions.get(positionId);
      const topics = new Set([
        current?.topicId,
        event.type === 'PositionStated' ? event.data.topicId : undefined,
      ]);
      if (event.type === 'PositionCorrected' && event.data.changes.topicId)
        topics.add(event.data.changes.topicId);
      topics.delete(undefined);
      const before = new Map(
        [...topics].map((topicId) => [
          topicId as string,
          inForce(positions.values(), actorId, topicId as string),
        ]),
      );

      let next: PositionState | undefined = current && { ...current };
      switch (event.type) {
        case 'PositionStated': {
          const { topicId, stance, conditions, summary, statedAt } = event.data;
          next = {
            positionId,
            actorId,
            topicId,
            stance,
            conditions,
            summary,
            statedAt,
            seq: Number(recorded.revision),
            withdrawnAt: null,
            retracted: false,
          };
          break;
        }
        case 'PositionWithdrawn':
          if (next) next.withdrawnAt = event.data.effectiveAt;
          break;
        case 'PositionCorrected':
          if (next) Object.assign(next, pickStateChanges(event.data.changes));
          break;
        case 'PositionRetracted':
          if (next) next.retracted = true;
          break;
        default:
          break;
      }
      if (!next) continue;
      positions.set(positionId, next);
      changed.add(positionId);

      const notice = POSITION_NOTICES[event.type];
      if (notice) message(recorded, notice, actorId, next.topicId, { ...event.data, topicId: next.topicId });
      for (const [topicId, was] of before) {
        const now = inForce(positions.values(), actorId, topicId);
        if (JSON.stringify(was) === JSON.stringify(now)) continue;
        message(recorded, 'stance.changed', actorId, topicId, {
          actorId,
          topicId,
          before: was,
          after: now,
          rating: rateFlip(was, now),
          recordedAt: event.data.recordedAt,
          cause: { event: event.type, positionId },
        });
      }
    }

    const records = [...changed].map((id) => {
      const position = positions.get(id) as PositionState;
      return {
        position_id: position.positionId,
        actor_id: position.actorId,
        topic_id: position.topicId,
        stance: position.stance,
        conditions: position.conditions,
        summary: position.summary,
        stated_at: position.statedAt,
        stated_revision: position.seq,
        withdrawn_at: position.withdrawnAt,
        retracted: position.retracted,
      };
    });
    await tx.query(
      `INSERT INTO ${table} SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(position_id text, actor_id text, topic_id text,
         stance text, conditions jsonb, summary text, stated_at timestamptz, stated_revision bigint, withdrawn_at timestamptz, retracted boolean)
       ON CONFLICT (position_id) DO UPDATE SET topic_id = EXCLUDED.topic_id, stance = EXCLUDED.stance, conditions = EXCLUDED.conditions,
         summary = EXCLUDED.summary, stated_at = EXCLUDED.stated_at, withdrawn_at = EXCLUDED.withdrawn_at, retracted = EXCLUDED.retracted`,
      [JSON.stringify(records)],
    );
    this.enqueuedSinceCommit += await this.queue.enqueue(tx, messages, await this.queue.endpoints(tx));
  }

  override afterCommit(): void {
    if (this.enqueuedSinceCommit > 0) this.queue.notify();
    this.enqueuedSinceCommit = 0;
  }
}

const pickStateChanges = (
  changes: Extract<PositionEvent, { type: 'PositionCorrected' }>['data']['changes'],
) =>
  Object.fromEntries(
    Object.entries({
      topicId: changes.topicId,
      stance: changes.stance,
      conditions: changes.conditions,
      summary: changes.summary,
      statedAt: changes.statedAt,
    }).filter(([, value]) => value !== undefined),
  );
