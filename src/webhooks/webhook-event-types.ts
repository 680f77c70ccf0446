export const WEBHOOK_EVENT_TYPES = [
  'stance.changed',
  'position.stated',
  'position.withdrawn',
  'position.corrected',
  'position.retracted',
  'webhook.test',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The body every subscriber receives. */
export type WebhookPayload = { type: WebhookEventType; timestamp: string; data: Record<string, unknown> };
