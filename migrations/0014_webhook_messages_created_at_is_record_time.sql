-- A notice's created_at is now its event's record time (the payload's timestamp), no longer the time the
-- webhooks projection stored it, so that a replay "since" a time sends the notices of what was recorded since
-- then. Stored that way, a first or late catch-up (the projection added to a running deployment, a new read
-- database over an existing log) no longer makes all of history look new. Rows stored before are set the same
-- way; every stored payload carries its timestamp.
UPDATE webhook_messages SET created_at = (payload ->> 'timestamp')::timestamptz
  WHERE payload ? 'timestamp' AND created_at IS DISTINCT FROM (payload ->> 'timestamp')::timestamptz;
