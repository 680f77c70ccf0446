CREATE TABLE actors (
  actor_id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  aliases jsonb NOT NULL DEFAULT '[]',
  roles jsonb NOT NULL DEFAULT '[]',
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE topics (
  topic_id text PRIMARY KEY,
  parent_id text,
  title text NOT NULL,
  proposition text NOT NULL,
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE INDEX topics_parent_idx ON topics (parent_id);
