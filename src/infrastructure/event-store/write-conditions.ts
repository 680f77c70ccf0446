/**
 * What a write may be guarded by: an idempotency key naming it (a repeat appends nothing) and the stream revision
 * the caller expects (optimistic concurrency, a conflict when the stream has moved on).
 */
export type WriteConditionsValue = { idempotencyKey?: string; expectedRevision?: string };
