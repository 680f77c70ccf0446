import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../infrastructure/clock';
import { Webhook } from 'standardwebhooks';
import { AppConfig } from '../../config/app-config';
import { Doorbell } from '../../infrastructure/doorbell';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { WebhookSender } from '../delivery/webhook-sender';
import { WebhookQueue } from '../outbox/webhook-queue';
import { nextStep } from '../retry-policy';
import { SecretBox } from '../secret-box';

type Claimed = {
  delivery_id: string;
  endpoint_id: string;
  message_id: string;
  attempts: number;
  url: string;
  /** The notice's JSON, as stored: the body sent. */
  payload: string;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
};

type Outcome = {
  delivery_id: string;
  endpoint_id: string;
  attempts: number;
  status: 'delivered' | 'pending' | 'dead';
  step: 'delivered' | 'retry' | 'dead' | 'gone';
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  last_error: string | null;
  response_body: string;
  delay_ms: number;
};

/**
 * Delivers due webhooks. Claims take a lease under FOR UPDATE SKIP LOCKED, so several processes can deliver
 * side by side, and a killed process's claims are taken again once their lease ends: at least once, never lost.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly schedule: readonly number[];
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly doorbell = new Doorbell();
  private inflight = 0;
  private readonly outcomes: Outcome[] = [];
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly queue: WebhookQueue,
    private readonly sender: WebhookSender,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.schedule = config.durations.WEBHOOKS_RETRY_SCHEDULE;
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
    this.doorbell.ring();
  }

  /**
   * A pipeline: claims whenever capacity frees, so one slow receiver never stalls the others, and records
   * outcomes in set-based batches, one transaction per flush.
   */
  private async run(): Promise<void> {
    const capacity = this.config.env.WEBHOOKS_CONCURRENCY;
    while (!this.stopped || this.inflight > 0 || this.outcomes.length > 0) {
      let claimed = 0;
      try {
        if (!this.stopped && this.inflight < capacity) {
          const due = await this.claim(capacity - this.inflight);
          claimed = due.length;
          for (const delivery of due) {
            this.inflight += 1;
            void this.attempt(delivery).then((outcome) => {
              this.outcomes.push(outcome);
              this.inflight -= 1;
              this.poke();
            });
          }
        }
        if (this.outcomes.length > 0) await this.flush(this.outcomes.splice(0));
      } catch (error) {
        this.logger.error(`dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (claimed === 0 && this.outcomes.length === 0)
        await this.doorbell.wait(this.config.env.WEBHOOKS_POLL_MS);
    }
  }

  private async claim(limit: number): Promise<Claimed[]> {
    // claim_deliveries (migration 0012): the due index walked in order, whatever the table's statistics say.
    const ids = await this.sql.query<{ delivery_id: string }>(
      'SELECT r_delivery_id AS delivery_id FROM claim_deliveries($1, ($2::text)::interval)',
      [limit, `${this.config.durations.WEBHOOKS_LEASE} milliseconds`],
    );
    if (ids.length === 0) return [];
    return this.sql.query<Claimed>(
      `SELECT d.delivery_id, d.endpoint_id, d.message_id, d.attempts, e.url, m.payload::text AS payload, e.secret_ciphertext,
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

  private async attempt(delivery: Claimed): Promise<Outcome> {
    const body = delivery.payload;
    const timestamp = this.clock.now();
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
    return {
      delivery_id: delivery.delivery_id,
      endpoint_id: delivery.endpoint_id,
      attempts,
      status: step.kind === 'delivered' ? 'delivered' : step.kind === 'retry' ? 'pending' : 'dead',
      step: step.kind,
      status_code: result.statusCode,
      latency_ms: Math.round(result.latencyMs),
      error,
      last_error: step.kind === 'dead' ? step.reason : error,
      response_body: result.responseBody,
      delay_ms: step.kind === 'retry' ? step.delayMs : 0,
    };
  }

  /** Records a batch of outcomes: the attempt log, each delivery's next state, and each endpoint's health. */
  private async flush(outcomes: Outcome[]): Promise<void> {
    const byEndpoint = new Map<string, Outcome['step'][]>();
    outcomes.forEach((outcome) =>
      byEndpoint.set(outcome.endpoint_id, [...(byEndpoint.get(outcome.endpoint_id) ?? []), outcome.step]),
    );
    const healthy = [...byEndpoint].filter(([, steps]) => steps.includes('delivered')).map(([id]) => id);
    const gone = [...byEndpoint]
      .filter(([, steps]) => !steps.includes('delivered') && steps.includes('gone'))
      .map(([id]) => id);
    const failing = [...byEndpoint]
      .filter(([, steps]) => !steps.includes('delivered') && !steps.includes('gone'))
      .map(([id]) => id);
    const rows = JSON.stringify(outcomes);
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO webhook_attempts (delivery_id, status_code, latency_ms, error, response_body)
         SELECT delivery_id, status_code, latency_ms, error, response_body
         FROM jsonb_to_recordset($1::jsonb) AS r(delivery_id uuid, status_code int, latency_ms int, error text, response_body text)`,
        [rows],
      );
      await tx.query(
        `UPDATE webhook_deliveries d SET attempts = r.attempts, status = r.status, lease_until = NULL,
           last_status_code = r.status_code, last_error = r.last_error,
           next_attempt_at = CASE WHEN r.status = 'pending' THEN now() + r.delay_ms * interval '1 millisecond' ELSE d.next_attempt_at END,
           finished_at = CASE WHEN r.status = 'pending' THEN NULL ELSE now() END
         FROM jsonb_to_recordset($1::jsonb)
           AS r(delivery_id uuid, attempts int, status text, status_code int, last_error text, delay_ms bigint)
         WHERE d.delivery_id = r.delivery_id`,
        [rows],
      );
      if (healthy.length > 0) {
        await tx.query(
          'UPDATE webhook_endpoints SET failing_since = NULL WHERE endpoint_id = ANY($1::uuid[]) AND failing_since IS NOT NULL',
          [healthy],
        );
      }
      if (gone.length > 0) {
        await tx.query(
          `UPDATE webhook_endpoints SET disabled_at = now(), disabled_reason = 'the endpoint answered 410 Gone', updated_at = now()
           WHERE endpoint_id = ANY($1::uuid[]) AND disabled_at IS NULL`,
          [gone],
        );
      }
      if (failing.length > 0) {
        await tx.query(
          `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now()),
             disabled_at = CASE WHEN failing_since < now() - ($2::text)::interval THEN now() ELSE disabled_at END,
             disabled_reason = CASE WHEN failing_since < now() - ($2::text)::interval
               THEN 'failing without a success since ' || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
               ELSE disabled_reason END
           WHERE endpoint_id = ANY($1::uuid[])`,
          [failing, `${this.config.durations.WEBHOOKS_DISABLE_AFTER} milliseconds`],
        );
      }
    });
  }
}
