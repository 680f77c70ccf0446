import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import { isUniqueViolation } from '../../infrastructure/database/sql-client';
import { STAGE_FROM_ROWS, withStagedRows } from '../../infrastructure/database/staged-copy';
import type { WebhookEventType, WebhookPayload } from '../webhook-event-types';

export type WebhookMessage = {
  messageId: string;
  eventType: WebhookEventType;
  actorId: string | null;
  topicId: string | null;
  payload: WebhookPayload;
  sourcePosition: string;
};

export type EndpointFilter = {
  endpoint_id: string;
  event_types: string[];
  actors: string[] | null;
  topics: string[] | null;
};

/** A topic filter matches the topic and every topic under it: "ukraine" matches "ukraine.nato-membership". */
export const endpointMatches = (
  endpoint: EndpointFilter,
  message: Pick<WebhookMessage, 'eventType' | 'actorId' | 'topicId'>,
) =>
  endpoint.event_types.includes(message.eventType) &&
  (!endpoint.actors || message.actorId === null || endpoint.actors.includes(message.actorId)) &&
  (!endpoint.topics ||
    message.topicId === null ||
    endpoint.topics.some(
      (topic) => message.topicId === topic || (message.topicId as string).startsWith(`${topic}.`),
    ));

const MESSAGE_COLUMNS = [
  'message_id',
  'event_type',
  'actor_id',
  'topic_id',
  'payload',
  'source_position',
  'created_at',
] as const;

const ACTIVE_ENDPOINTS = `SELECT endpoint_id, event_types, actors, topics FROM webhook_endpoints
  WHERE deleted_at IS NULL`;

/** Stores each notice once and a pending delivery for every endpoint it matches, in the caller's transaction. */
@Injectable()
export class WebhookQueue {
  private readonly enqueued = new EventEmitter().setMaxListeners(0);

  onEnqueued(listener: () => void): () => void {
    this.enqueued.on('enqueued', listener);
    return () => this.enqueued.off('enqueued', listener);
  }

  notify(): void {
    this.enqueued.emit('enqueued');
  }

  async endpoints(tx: SqlExecutor, endpointId?: string): Promise<EndpointFilter[]> {
    return endpointId
      ? tx.query<EndpointFilter>(`${ACTIVE_ENDPOINTS} AND endpoint_id = $1`, [endpointId])
      : tx.query<EndpointFilter>(ACTIVE_ENDPOINTS);
  }

  /** Messages already stored (a replayed event, a rebuild) get no second delivery. Returns the deliveries created. */
  async enqueue(tx: SqlExecutor, messages: WebhookMessage[], endpoints: EndpointFilter[]): Promise<number> {
    if (messages.length === 0) return 0;
    const rows = messages.map((message) => [
      message.messageId,
      message.eventType,
      message.actorId,
      message.topicId,
      message.payload,
      message.sourcePosition,
      // The notice's own time (its event's record time), not when this projection got to it: a replay
      // "since" a time must not resend history that a late or first catch-up stored just now.
      message.payload.timestamp,
    ]);
    // A catch-up meets each notice once: a large batch is copied straight into the table, where a notice already
    // stored (a rebuild, a replayed event) fails the copy as a whole, which a savepoint undoes; then the batch goes
    // the careful way, staged and inserted skipping what is stored.
    if (rows.length >= STAGE_FROM_ROWS) {
      await tx.exec('SAVEPOINT webhook_messages_copy');
      try {
        await tx.copyInto('webhook_messages', MESSAGE_COLUMNS, rows);
        await tx.exec('RELEASE SAVEPOINT webhook_messages_copy');
        return await this.deliver(tx, messages, endpoints);
      } catch (error) {
        if (!isUniqueViolation(error, 'webhook_messages_pkey')) throw error;
        await tx.exec('ROLLBACK TO SAVEPOINT webhook_messages_copy');
      }
    }
    const inserted = await withStagedRows<{ message_id: string }>(
      tx,
      'webhook_messages',
      MESSAGE_COLUMNS,
      rows,
      (source) =>
        `INSERT INTO webhook_messages (${MESSAGE_COLUMNS.join(', ')}) SELECT ${MESSAGE_COLUMNS.join(', ')} FROM ${source}
         ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
    );
    const fresh = new Set(inserted.map((row) => row.message_id));
    return this.deliver(
      tx,
      messages.filter((message) => fresh.has(message.messageId)),
      endpoints,
    );
  }

  /** Pending deliveries of these messages to every endpoint they match (replays reuse the message, so its webhook-id). */
  async deliver(
    tx: SqlExecutor,
    messages: Pick<WebhookMessage, 'messageId' | 'eventType' | 'actorId' | 'topicId'>[],
    endpoints: EndpointFilter[],
  ) {
    const deliveries = messages.flatMap((message) =>
      endpoints
        .filter((endpoint) => endpointMatches(endpoint, message))
        .map((endpoint) => ({
          delivery_id: randomUUID(),
          endpoint_id: endpoint.endpoint_id,
          message_id: message.messageId,
        })),
    );
    if (deliveries.length === 0) return 0;
    await tx.query(
      `INSERT INTO webhook_deliveries (delivery_id, endpoint_id, message_id, status, next_attempt_at)
       SELECT delivery_id, endpoint_id, message_id, 'pending', now()
       FROM jsonb_to_recordset($1::jsonb) AS d(delivery_id uuid, endpoint_id uuid, message_id text)`,
      [JSON.stringify(deliveries)],
    );
    return deliveries.length;
  }
}
