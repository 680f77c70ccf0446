CREATE TABLE position_details (
  position_id text PRIMARY KEY,
  actor_id text NOT NULL,
  topic_id text NOT NULL,
  status text NOT NULL,
  stance text NOT NULL,
  score double precision,
  conditions jsonb NOT NULL,
  summary text NOT NULL,
  quote text,
  evidence_type text NOT NULL,
  stated_at timestamptz NOT NULL,
  stated_at_precision text NOT NULL,
  confidence double precision NOT NULL,
  sources jsonb NOT NULL,
  withdrawn_at timestamptz,
  history jsonb NOT NULL,
  first_recorded_at timestamptz NOT NULL,
  last_recorded_at timestamptz NOT NULL
);

CREATE INDEX position_details_actor_idx ON position_details (actor_id, stated_at DESC);
