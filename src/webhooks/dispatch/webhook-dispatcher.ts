import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import ms from 'ms';
import { Webhook } from 'standardwebhooks';
import { AppConfig } from '../../config/app-config';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { WebhookSender } from '../delivery/webhook-sender';
import { WebhookQueue } from '../outbox/webhook-queue';
import { nextStep, parseSchedule } from '../retry-policy';
import { SecretBox } from '../secret-box';

type Claimed = {
  delivery_id: string;
  endpoint_id: string;
  message_id: string;
  attempts: number;
  url: string;
  payload: object;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
};

const duration = (value: string) => ms(value as ms.StringValue) ?? 0;

/**
 * Delivers due webhooks. Claims take a lease under FOR UPDATE SKIP LOCKED, so several processes can deliver
 * side by side, and a killed process's claims are taken again once their lease ends: at least once, never lost.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly schedule: number[];
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pending = false;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly queue: WebhookQueue,
    private readonly sender: WebhookSender,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
  ) {
    this.schedule = parseSchedule(config.env.WEBHOOKS_RETRY_SCHEDULE);
  }

  onApplicationBootstrap(): void {
    if (!this.config.env.WEBHOOKS_DELIVERY_ENABLED) return;
    this.unsubscribe = this.queue.onEnqueued(() => this.poke());
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    this.poke();
    await this.loop;
    await this.sender.close();
  }

  poke(): void {
    this.pending = true;
    this.wake?.();
  }

  private sleep(msToWait: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, msToWait);
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const claimed = await this.claim();
        if (claimed.length > 0) {
          await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
          continue;
        }
      } catch (error) {
        if (this.stopped) break;
        this.logger.error(`dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await this.sleep(this.config.env.WEBHOOKS_POLL_MS);
    }
  }

  private async claim(): Promise<Claimed[]> {
    const ids = await this.sql.transaction((tx) =>
      tx.query<{ delivery_id: string }>(
        `WITH due AS (
           SELECT d.delivery_id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.endpoint_id = d.endpoint_id
           WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
             AND e.disabled_at IS NULL AND e.deleted_at IS NULL
           ORDER BY d.next_attempt_at LIMIT $1
           FOR UPDATE OF d SKIP LOCKED)
         UPDATE webhook_deliveries d SET lease_until = now() + ($2::text)::interval
         FROM due WHERE d.delivery_id = due.delivery_id RETURNING d.delivery_id`,
        [this.config.env.WEBHOOKS_CONCURRENCY, `${duration(this.config.env.WEBHOOKS_LEASE)} milliseconds`],
      ),
    );
    if (ids.length === 0) return [];
    return this.sql.query<Claimed>(
      `SELECT d.delivery_id, d.endpoint_id, d.message_id, d.attempts, e.url, m.payload, e.secret_ciphertext,
         e.previous_secret_ciphertext, e.previous_secret_expires_at
       FROM webhook_deliveries d JOIN webhook_endpoints e ON e.endpoint_id = d.endpoint_id
       JOIN webhook_messages m ON m.message_id = d.message_id WHERE d.delivery_id = ANY($1::uuid[])`,
      [ids.map((row) => row.delivery_id)],
    );
  }

  /** Signs with the current secret, and with the previous one while a rotation's overlap lasts. */
  sign(
    messageId: string,
    timestamp: Date,
    body: string,
    endpoint: Pick<
      Claimed,
      'secret_ciphertext' | 'previous_secret_ciphertext' | 'previous_secret_expires_at'
    >,
  ) {
    const secrets = [this.secrets.open(endpoint.secret_ciphertext)];
    if (
      endpoint.previous_secret_ciphertext &&
      endpoint.previous_secret_expires_at &&
      new Date(endpoint.previous_secret_expires_at) > timestamp
    ) {
      secrets.push(this.secrets.open(endpoint.previous_secret_ciphertext));
    }
    return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');
  }

  private async attempt(delivery: Claimed): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = new Date();
    const result = await this.sender.send({
      url: delivery.url,
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': delivery.message_id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': this.sign(delivery.message_id, timestamp, body, delivery),
      },
    });
    const attempts = delivery.attempts + 1;
    const step = nextStep(result, attempts, this.schedule, { retry4xx: this.config.env.WEBHOOKS_RETRY_4XX });
    const error = result.error ?? (step.kind === 'delivered' ? null : `HTTP ${result.statusCode}`);
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO webhook_attempts (delivery_id, status_code, latency_ms, error, response_body) VALUES ($1, $2, $3, $4, $5)`,
        [delivery.delivery_id, result.statusCode, Math.round(result.latencyMs), error, result.responseBody],
      );
      const status = step.kind === 'delivered' ? 'delivered' : step.kind === 'retry' ? 'pending' : 'dead';
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = $2, status = $3, lease_until = NULL, last_status_code = $4, last_error = $5,
           next_attempt_at = CASE WHEN $3 = 'pending' THEN now() + ($6::text)::interval ELSE next_attempt_at END,
           finished_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END
         WHERE delivery_id = $1`,
        [
          delivery.delivery_id,
          attempts,
          status,
          result.statusCode,
          step.kind === 'dead' ? step.reason : error,
          `${step.kind === 'retry' ? step.delayMs : 0} milliseconds`,
        ],
      );
      if (step.kind === 'delivered') {
        await tx.query('UPDATE webhook_endpoints SET failing_since = NULL WHERE endpoint_id = $1', [
          delivery.endpoint_id,
        ]);
      } else if (step.kind === 'gone') {
        await tx.query(
          `UPDATE webhook_endpoints SET disabled_at = now(), disabled_reason = 'the endpoint answered 410 Gone', updated_at = now()
           WHERE endpoint_id = $1 AND disabled_at IS NULL`,
          [delivery.endpoint_id],
        );
      } else {
        await tx.query(
          `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now()),
             disabled_at = CASE WHEN failing_since < now() - ($2::text)::interval THEN now() ELSE disabled_at END,
             disabled_reason = CASE WHEN failing_since < now() - ($2::text)::interval
               THEN 'failing without a success since ' || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
               ELSE disabled_reason END
           WHERE endpoint_id = $1`,
          [delivery.endpoint_id, `${duration(this.config.env.WEBHOOKS_DISABLE_AFTER)} milliseconds`],
        );
      }
    });
  }
}
