-- The event log. Catch-up readers order by (transaction_id, global_position) and read only below the
-- oldest running transaction, so an event that commits late is never skipped (Emmett PR #336).
CREATE TABLE events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id uuid NOT NULL,
  stream_name text NOT NULL,
  stream_revision bigint NOT NULL,
  event_type text NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_name, stream_revision)
);

CREATE INDEX events_global_order_idx ON events (transaction_id, global_position);

CREATE TABLE streams (
  stream_name text PRIMARY KEY,
  revision bigint NOT NULL,
  updated_at timestamptz NOT NULL
);
