-- The stance index's image at a log position, so that a process loads it and then reads only the log after it (see
-- docs/operations.md). A cache, like decider_snapshots: deleting its rows loses nothing. One image at a time, in
-- parts (a bytea value is read as one string of twice its size). An image is trusted only when its format is the
-- running code's and the log still holds log_position.
CREATE TABLE stance_index_snapshots (
  format text PRIMARY KEY,
  log_position text NOT NULL,
  versions bigint NOT NULL,
  image_bytes bigint NOT NULL,
  parts integer NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stance_index_snapshot_parts (
  format text NOT NULL REFERENCES stance_index_snapshots (format) ON DELETE CASCADE,
  part integer NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (format, part)
);

-- Typed arrays and JSON fragments: stored as they are, not compressed (reading them back is the point).
ALTER TABLE stance_index_snapshot_parts ALTER COLUMN bytes SET STORAGE EXTERNAL;
