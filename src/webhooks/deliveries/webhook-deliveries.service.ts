import { Injectable } from '@nestjs/common';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { WebhookQueue } from '../outbox/webhook-queue';
import type { WebhookEventType } from '../webhook-event-types';
import { WebhookDeliveryNotFoundError } from '../webhook.errors';

type DeliveryRow = {
  delivery_id: string;
  endpoint_id: string;
  message_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
  attempt_log: { attemptedAt: string; statusCode: number | null; latencyMs: number; error: string | null }[];
};

const DELIVERY_SELECT = `SELECT d.delivery_id, d.endpoint_id, d.message_id, m.event_type, d.status, d.attempts, d.next_attempt_at,
    d.last_status_code, d.last_error, d.created_at, d.finished_at,
    coalesce((SELECT jsonb_agg(jsonb_build_object('attemptedAt', a.attempted_at, 'statusCode', a.status_code,
      'latencyMs', a.latency_ms, 'error', a.error) ORDER BY a.attempt_id) FROM webhook_attempts a WHERE a.delivery_id = d.delivery_id), '[]') AS attempt_log
  FROM webhook_deliveries d JOIN webhook_messages m ON m.message_id = d.message_id`;

const toView = (row: DeliveryRow) => ({
  id: row.delivery_id,
  endpointId: row.endpoint_id,
  webhookId: row.message_id,
  eventType: row.event_type,
  status: row.status,
  attempts: row.attempt_log.map((attempt) => ({
    ...attempt,
    attemptedAt: new Date(attempt.attemptedAt).toISOString(),
  })),
  nextAttemptAt: row.status === 'pending' ? new Date(row.next_attempt_at).toISOString() : null,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  createdAt: new Date(row.created_at).toISOString(),
  finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
});

@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly sql: SqlClient,
    private readonly endpoints: WebhookEndpointsService,
    private readonly queue: WebhookQueue,
  ) {}

  async forEndpoint(endpointId: string, status: string | undefined, limit = 100) {
    await this.endpoints.get(endpointId);
    const rows = await this.sql.query<DeliveryRow>(
      `${DELIVERY_SELECT} WHERE d.endpoint_id = $1 AND ($2::text IS NULL OR d.status = $2) ORDER BY d.created_at DESC, d.delivery_id LIMIT $3`,
      [endpointId, status ?? null, limit],
    );
    return rows.map(toView);
  }

  async deadLetters(endpointId: string | undefined, limit = 100) {
    const rows = await this.sql.query<DeliveryRow>(
      `${DELIVERY_SELECT} WHERE d.status = 'dead' AND ($1::uuid IS NULL OR d.endpoint_id = $1) ORDER BY d.finished_at DESC LIMIT $2`,
      [endpointId ?? null, limit],
    );
    return rows.map(toView);
  }

  /** Sends it again from the first step of the schedule; its attempt log keeps the earlier tries. */
  async redeliver(deliveryId: string) {
    const rows = await this.sql.query<{ delivery_id: string }>(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL, finished_at = NULL
       WHERE delivery_id = $1 RETURNING delivery_id`,
      [deliveryId],
    );
    if (rows.length === 0) throw new WebhookDeliveryNotFoundError(deliveryId);
    this.queue.notify();
    const [row] = await this.sql.query<DeliveryRow>(`${DELIVERY_SELECT} WHERE d.delivery_id = $1`, [
      deliveryId,
    ]);
    return toView(row);
  }

  async replay(endpointId: string, since: Date, only: 'failed' | 'all') {
    await this.endpoints.get(endpointId);
    const replayed = await this.sql.transaction(async (tx) => {
      if (only === 'failed') {
        const rows = await tx.query(
          `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL, finished_at = NULL
           WHERE endpoint_id = $1 AND status = 'dead' AND created_at >= $2 RETURNING delivery_id`,
          [endpointId, since],
        );
        return rows.length;
      }
      const messages = await tx.query<{
        message_id: string;
        event_type: WebhookEventType;
        actor_id: string | null;
        topic_id: string | null;
      }>(
        `SELECT message_id, event_type, actor_id, topic_id FROM webhook_messages WHERE created_at >= $1 AND event_type <> 'webhook.test'
         ORDER BY created_at, message_id`,
        [since],
      );
      return this.queue.deliver(
        tx,
        messages.map((message) => ({
          messageId: message.message_id,
          eventType: message.event_type,
          actorId: message.actor_id,
          topicId: message.topic_id,
        })),
        await this.queue.endpoints(tx, endpointId),
      );
    });
    this.queue.notify();
    return { endpointId, since: since.toISOString(), only, replayed };
  }
}
