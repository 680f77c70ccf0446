import type { TimelineVersion } from '@domain/positions';

/** One version of a position on the topic, with both times: valid (statedAt, withdrawnAt) and record (from, to). */
export type StanceHistoryEntry = Omit<TimelineVersion, 'actorId' | 'statedRevision'> & {
  recordedTo: string | null;
};
