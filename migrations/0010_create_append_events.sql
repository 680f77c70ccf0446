-- One append in one round trip (one statement, so one transaction): lock the stream, tell an idempotent repeat and a
-- duplicate id from a revision conflict, insert the events and move the stream's revision. No NOTIFY in here: a
-- transaction that notifies holds the database's notify lock through its commit (WAL flush included), which would
-- serialise every concurrent append; the adapter wakes readers after the commit instead.
-- p_events: [{"id", "type", "schemaVersion", "data", "metadata"}, ...] in stream order, as one JSON document (one
-- parameter to parse, instead of arrays of escaped JSON strings).
CREATE FUNCTION append_events(
  p_stream text,
  p_expected text,
  p_events jsonb,
  p_recorded_at timestamptz
) RETURNS TABLE (
  r_outcome text,
  r_revision bigint,
  r_event_id uuid,
  r_global_position bigint,
  r_transaction_id text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_ids uuid[] := ARRAY(SELECT (x ->> 'id')::uuid FROM jsonb_array_elements(p_events) AS x);
  v_current bigint;
  v_found integer;
  v_elsewhere integer;
BEGIN
  INSERT INTO streams (stream_name, revision, updated_at) VALUES (p_stream, -1, now())
    ON CONFLICT (stream_name) DO NOTHING;
  SELECT s.revision INTO v_current FROM streams s WHERE s.stream_name = p_stream FOR UPDATE;

  SELECT count(*), count(*) FILTER (WHERE e.stream_name <> p_stream) INTO v_found, v_elsewhere
    FROM events e WHERE e.event_id = ANY (v_ids);
  IF v_found > 0 THEN
    IF v_found = cardinality(v_ids) AND v_elsewhere = 0 THEN
      RETURN QUERY SELECT 'repeat'::text, v_current, NULL::uuid, NULL::bigint, NULL::text;
    ELSE
      RETURN QUERY SELECT 'duplicate'::text, v_current, e.event_id, NULL::bigint, NULL::text
        FROM events e WHERE e.event_id = ANY (v_ids);
    END IF;
    RETURN;
  END IF;

  IF NOT (CASE p_expected
      WHEN 'any' THEN true
      WHEN 'no-stream' THEN v_current = -1
      WHEN 'stream-exists' THEN v_current >= 0
      ELSE CASE WHEN p_expected ~ '^[0-9]{1,18}$' THEN p_expected::bigint = v_current ELSE false END
    END) THEN
    RETURN QUERY SELECT 'conflict'::text, v_current, NULL::uuid, NULL::bigint, NULL::text;
    RETURN;
  END IF;

  RETURN QUERY
    INSERT INTO events AS e (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata, recorded_at)
    SELECT (i.x ->> 'id')::uuid, p_stream, v_current + i.n, i.x ->> 'type', (i.x ->> 'schemaVersion')::integer,
      i.x -> 'data', i.x -> 'metadata', p_recorded_at
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS i(x, n)
    ORDER BY i.n
    RETURNING 'appended'::text, e.stream_revision, e.event_id, e.global_position, e.transaction_id::text;
  UPDATE streams SET revision = v_current + cardinality(v_ids), updated_at = now() WHERE stream_name = p_stream;
END;
$$;
