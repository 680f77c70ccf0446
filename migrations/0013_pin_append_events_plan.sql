-- append_events (0010) looks for the batch's event ids in the log (`event_id = ANY (v_ids)`) on every append, and
-- PL/pgSQL keeps that statement's plan for the life of the connection. A connection that first appended while the
-- log was small, or before the log was ever analyzed (autovacuum off, or not yet run), settles on a generic plan
-- that scans the whole log, and keeps it while the log grows: measured on a fresh log, 2,005 sequential scans
-- reading 72,737,970 rows within the first 75,000 events, and appends falling to 1,500 events/s with two writers.
-- Every statement in the function reads by key (the stream by its name, events by id), so sequential scans are
-- turned off for this function alone and its index lookups are the only plans left.
ALTER FUNCTION append_events(text, text, jsonb, timestamptz) SET enable_seqscan = off;
