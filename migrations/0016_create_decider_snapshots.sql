-- A decider's state at a stream revision, so that a write folds only the events after it (see docs/event-store.md).
-- A cache, in the read-model database whatever the event store: deleting rows loses nothing. A snapshot is trusted
-- only when its state_version is the running code's and the event at stream_revision still has last_event_id.
-- The state is JSON text, not jsonb: nothing queries inside it, and the reader parses it itself.
CREATE TABLE decider_snapshots (
  stream_name text NOT NULL,
  decider text NOT NULL,
  state_version text NOT NULL,
  stream_revision bigint NOT NULL,
  last_event_id text NOT NULL,
  last_recorded_at timestamptz NOT NULL,
  state text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_name, decider)
);
