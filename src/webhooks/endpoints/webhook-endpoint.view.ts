export type WebhookEndpointRow = {
  endpoint_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  actors: string[] | null;
  topics: string[] | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_at: Date;
  updated_at: Date;
};

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** What an admin sees of an endpoint: never its secret, which is shown once at creation and rotation. */
export const toEndpointView = (row: WebhookEndpointRow) => ({
  id: row.endpoint_id,
  url: row.url,
  description: row.description,
  eventTypes: row.event_types,
  actors: row.actors,
  topics: row.topics,
  enabled: row.disabled_at === null,
  disabledAt: iso(row.disabled_at),
  disabledReason: row.disabled_reason,
  failingSince: iso(row.failing_since),
  previousSecretValidUntil: iso(row.previous_secret_expires_at),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const ENDPOINT_COLUMNS = `endpoint_id, url, description, event_types, actors, topics, previous_secret_expires_at,
  failing_since, disabled_at, disabled_reason, created_at, updated_at`;
