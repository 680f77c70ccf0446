-- The review queue: one row per extracted quotation that waits, or waited, for an editor.
CREATE TABLE review_items (
  quotation_id text PRIMARY KEY,
  article_id text NOT NULL,
  outlet text NOT NULL,
  published_on date NOT NULL,
  quote text NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  speaker_id text,
  speaker_name text,
  speaker_kind text,
  said_on date,
  topic_id text,
  stance text,
  confidence double precision NOT NULL,
  reasons jsonb NOT NULL,
  status text NOT NULL,
  queued_at timestamptz NOT NULL,
  reviewed_at timestamptz,
  rejection_reason text,
  position_id text
);

CREATE INDEX review_items_status_idx ON review_items (status, queued_at, quotation_id);
