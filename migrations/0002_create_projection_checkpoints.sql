CREATE TABLE projection_checkpoints (
  projection_name text PRIMARY KEY,
  checkpoint text,
  events_processed bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
