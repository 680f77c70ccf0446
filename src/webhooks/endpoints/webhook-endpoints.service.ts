import { Injectable } from '@nestjs/common';
import { Clock } from '../../infrastructure/clock';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { AddressPolicy } from '../delivery/address-policy';
import { checkEndpointUrl } from '../delivery/endpoint-url';
import { WebhookQueue } from '../outbox/webhook-queue';
import { SecretBox } from '../secret-box';
import { WebhookEndpointNotFoundError, WebhookUrlRefusedError } from '../webhook.errors';
import type { CreateWebhookEndpointRequest, UpdateWebhookEndpointRequest } from './webhook-endpoint.request';
import { ENDPOINT_COLUMNS, toEndpointView, type WebhookEndpointRow } from './webhook-endpoint.view';

@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly sql: SqlClient,
    private readonly secrets: SecretBox,
    private readonly policy: AddressPolicy,
    private readonly queue: WebhookQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private async checkUrl(url: string): Promise<string> {
    const checked = await checkEndpointUrl(url, this.policy);
    if (!checked.ok) throw new WebhookUrlRefusedError(checked.reason);
    return checked.url.toString();
  }

  async create(request: CreateWebhookEndpointRequest) {
    const url = await this.checkUrl(request.url);
    const secret = SecretBox.newSecret();
    const [row] = await this.sql.query<WebhookEndpointRow>(
      `INSERT INTO webhook_endpoints (endpoint_id, url, description, event_types, actors, topics, secret_ciphertext)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ENDPOINT_COLUMNS}`,
      [
        randomUUID(),
        url,
        request.description ?? null,
        request.eventTypes,
        request.actors ?? null,
        request.topics ?? null,
        this.secrets.seal(secret),
      ],
    );
    return { ...toEndpointView(row), secret };
  }

  async list() {
    const rows = await this.sql.query<WebhookEndpointRow>(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE deleted_at IS NULL ORDER BY created_at, endpoint_id`,
    );
    return rows.map(toEndpointView);
  }

  async get(endpointId: string) {
    const [row] = await this.sql.query<WebhookEndpointRow>(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE endpoint_id = $1 AND deleted_at IS NULL`,
      [endpointId],
    );
    if (!row) throw new WebhookEndpointNotFoundError(endpointId);
    return toEndpointView(row);
  }

  async update(endpointId: string, request: UpdateWebhookEndpointRequest) {
    await this.get(endpointId);
    const url = request.url === undefined ? undefined : await this.checkUrl(request.url);
    const [row] = await this.sql.query<WebhookEndpointRow>(
      `UPDATE webhook_endpoints SET
         url = coalesce($2, url),
         description = CASE WHEN $3::boolean THEN $4 ELSE description END,
         event_types = coalesce($5, event_types),
         actors = CASE WHEN $6::boolean THEN $7 ELSE actors END,
         topics = CASE WHEN $8::boolean THEN $9 ELSE topics END,
         disabled_at = CASE WHEN $10::boolean IS TRUE THEN NULL WHEN $10::boolean IS FALSE THEN coalesce(disabled_at, now()) ELSE disabled_at END,
         disabled_reason = CASE WHEN $10::boolean IS TRUE THEN NULL WHEN $10::boolean IS FALSE THEN coalesce(disabled_reason, 'disabled by an admin') ELSE disabled_reason END,
         failing_since = CASE WHEN $10::boolean IS TRUE THEN NULL ELSE failing_since END,
         updated_at = now()
       WHERE endpoint_id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
      [
        endpointId,
        url ?? null,
        request.description !== undefined,
        request.description ?? null,
        request.eventTypes ?? null,
        request.actors !== undefined,
        request.actors ?? null,
        request.topics !== undefined,
        request.topics ?? null,
        request.enabled ?? null,
      ],
    );
    if (request.enabled) this.queue.notify();
    return toEndpointView(row);
  }

  async remove(endpointId: string): Promise<void> {
    await this.get(endpointId);
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_endpoints SET deleted_at = now(), updated_at = now() WHERE endpoint_id = $1`,
        [endpointId],
      );
      await tx.query(
        `UPDATE webhook_deliveries SET status = 'cancelled', finished_at = now() WHERE endpoint_id = $1 AND status = 'pending'`,
        [endpointId],
      );
    });
  }

  /** A new secret signs from now on; the previous one signs too until the overlap ends, so receivers can switch. */
  async rotateSecret(endpointId: string) {
    await this.get(endpointId);
    const secret = SecretBox.newSecret();
    const overlap = `${this.config.durations.WEBHOOKS_ROTATION_OVERLAP} milliseconds`;
    const [row] = await this.sql.query<WebhookEndpointRow>(
      `UPDATE webhook_endpoints SET previous_secret_ciphertext = secret_ciphertext, secret_ciphertext = $2,
         previous_secret_expires_at = now() + ($3::text)::interval, updated_at = now()
       WHERE endpoint_id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
      [endpointId, this.secrets.seal(secret), overlap],
    );
    return { ...toEndpointView(row), secret };
  }

  /** A webhook.test notice for this endpoint alone. */
  async sendTest(endpointId: string) {
    await this.get(endpointId);
    const messageId = `msg_${randomUUID()}`;
    const timestamp = this.clock.now().toISOString();
    await this.sql.transaction(async (tx) => {
      const endpoints = await this.queue.endpoints(tx, endpointId);
      await this.queue.enqueue(
        tx,
        [
          {
            messageId,
            eventType: 'webhook.test',
            actorId: null,
            topicId: null,
            sourcePosition: 'test',
            payload: { type: 'webhook.test', timestamp, data: { endpointId } },
          },
        ],
        endpoints.map((endpoint) => ({ ...endpoint, event_types: ['webhook.test'] })),
      );
    });
    this.queue.notify();
    return { messageId };
  }
}
