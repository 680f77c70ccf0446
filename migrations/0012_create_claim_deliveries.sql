-- The dispatcher's claim, in one function so that its plan can be pinned. A claim must walk the due index
-- (webhook_deliveries_due_idx) in next_attempt_at order and stop after `p_limit` rows. When the table's statistics
-- are stale, as they are after a burst of enqueued deliveries and before (auto)analyze has run, the planner takes
-- the pending set for a few rows and prefers to gather all of it and sort it: measured at 100,000 pending
-- deliveries, about 100 ms per claim instead of under 1 ms, on a path that claims many times a second. Turning
-- sorts and bitmap scans off for this function alone leaves the ordered index walk as the only plan.
CREATE FUNCTION claim_deliveries(p_limit integer, p_lease interval)
RETURNS TABLE (r_delivery_id uuid)
LANGUAGE sql
SET enable_sort = off
SET enable_bitmapscan = off
AS $$
  WITH due AS (
    SELECT d.delivery_id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.endpoint_id = d.endpoint_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
      AND e.disabled_at IS NULL AND e.deleted_at IS NULL
    ORDER BY d.next_attempt_at LIMIT p_limit
    FOR UPDATE OF d SKIP LOCKED)
  UPDATE webhook_deliveries d SET lease_until = now() + p_lease
  FROM due WHERE d.delivery_id = due.delivery_id RETURNING d.delivery_id;
$$;
