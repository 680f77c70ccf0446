import type { toEndpointView } from './endpoints/webhook-endpoint.view';

type EndpointView = ReturnType<typeof toEndpointView>;

export class WebhookEndpointResponse implements EndpointView {
  id!: string;
  url!: string;
  description!: string | null;
  /** Notice types it receives: `stance.changed`, `position.stated`, … */
  eventTypes!: string[];
  /** Only these actors' notices; null: every actor. */
  actors!: string[] | null;
  /** Only these topics' notices (a topic includes the topics under it); null: every topic. */
  topics!: string[] | null;
  enabled!: boolean;
  disabledAt!: string | null;
  disabledReason!: string | null;
  /** Since when deliveries have failed with no success between. */
  failingSince!: string | null;
  /** Until when the secret before the last rotation still signs too. */
  previousSecretValidUntil!: string | null;
  createdAt!: string | null;
  updatedAt!: string | null;
}

export class WebhookEndpointWithSecretResponse extends WebhookEndpointResponse {
  /** `whsec_…`: shown this once; verify signatures with it (Standard Webhooks). */
  secret!: string;
}

export class WebhookEndpointListResponse {
  items!: WebhookEndpointResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

export class WebhookTestResponse {
  /** The notice's `webhook-id`. */
  messageId!: string;
}

export class DeliveryAttemptResponse {
  attemptedAt!: string;
  /** The receiver's status code; null when no answer came (refused, timed out). */
  statusCode!: number | null;
  latencyMs!: number;
  error!: string | null;
}

export class WebhookDeliveryResponse {
  id!: string;
  endpointId!: string;
  /** The notice's `webhook-id`, stable across retries and replays. */
  webhookId!: string;
  eventType!: string;
  /** pending, delivered, dead or cancelled. */
  status!: string;
  attempts!: DeliveryAttemptResponse[];
  nextAttemptAt!: string | null;
  lastStatusCode!: number | null;
  lastError!: string | null;
  createdAt!: string;
  finishedAt!: string | null;
}

export class WebhookDeliveryListResponse {
  items!: WebhookDeliveryResponse[];
}

export class WebhookReplayResponse {
  endpointId!: string;
  since!: string;
  only!: 'failed' | 'all';
  /** Deliveries queued again. */
  replayed!: number;
}
