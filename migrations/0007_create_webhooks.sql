-- Webhook endpoints are configuration, not facts about the world: plain rows, with secrets encrypted
-- by a key that is not in the database.
CREATE TABLE webhook_endpoints (
  endpoint_id uuid PRIMARY KEY,
  url text NOT NULL,
  description text,
  event_types text[] NOT NULL,
  actors text[],
  topics text[],
  secret_ciphertext text NOT NULL,
  previous_secret_ciphertext text,
  previous_secret_expires_at timestamptz,
  failing_since timestamptz,
  disabled_at timestamptz,
  disabled_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

-- One message per notice; `message_id` is the webhook-id header: stable across retries and replays.
CREATE TABLE webhook_messages (
  message_id text PRIMARY KEY,
  event_type text NOT NULL,
  actor_id text,
  topic_id text,
  payload jsonb NOT NULL,
  source_position text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_messages_created_idx ON webhook_messages (created_at);

CREATE TABLE webhook_deliveries (
  delivery_id uuid PRIMARY KEY,
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (endpoint_id),
  message_id text NOT NULL REFERENCES webhook_messages (message_id),
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC);
CREATE INDEX webhook_deliveries_dead_idx ON webhook_deliveries (finished_at DESC) WHERE status = 'dead';

CREATE TABLE webhook_attempts (
  attempt_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES webhook_deliveries (delivery_id),
  attempted_at timestamptz NOT NULL DEFAULT now(),
  status_code integer,
  latency_ms integer NOT NULL,
  error text,
  response_body text
);

CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempt_id);

-- The webhooks projection's own view of each position, to tell when the stance in force changes.
CREATE TABLE webhook_position_state (
  position_id text PRIMARY KEY,
  actor_id text NOT NULL,
  topic_id text NOT NULL,
  stance text NOT NULL,
  conditions jsonb NOT NULL,
  summary text NOT NULL,
  stated_at timestamptz NOT NULL,
  stated_revision bigint NOT NULL,
  withdrawn_at timestamptz,
  retracted boolean NOT NULL
);

CREATE INDEX webhook_position_state_actor_idx ON webhook_position_state (actor_id, topic_id);
