/** OpenAPI examples for the webhook routes: an endpoint following Trump and Starmer on Ukraine, and one delivery. */
export const ENDPOINT_EXAMPLE = {
  id: 'wh_3f0c2a9e',
  url: 'https://newsroom.example/hooks/positions',
  description: 'Trump and Starmer on Ukraine',
  eventTypes: ['stance.changed'],
  actorIds: ['donald-trump', 'keir-starmer'],
  topicIds: ['ukraine.security-guarantees.us'],
  enabled: true,
  disabledReason: null,
  createdAt: '2025-02-28T09:00:00.000Z',
};

export const DELIVERY_EXAMPLE = {
  id: 'dlv_1',
  messageId: 'msg_5d2c',
  eventType: 'stance.changed',
  status: 'delivered',
  attempts: 1,
  lastStatus: 200,
  lastError: null,
  nextAttemptAt: null,
  deliveredAt: '2025-02-28T09:00:01.000Z',
};
