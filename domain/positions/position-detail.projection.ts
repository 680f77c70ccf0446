import type { TimelineChange, TimelineVersion } from './stance-timeline.projection';

export type PositionStatus = 'stated' | 'withdrawn' | 'retracted';

export type PositionChange = {
  change: TimelineChange;
  recordedAt: string;
  reason: string | null;
  revision: string;
};

export type PositionDetail = TimelineVersion & {
  status: PositionStatus;
  history: PositionChange[];
  lastRecordedAt: string;
};

/** A version with the revision (in the actor's stream) of the event that made it. */
export type RevisedVersion = TimelineVersion & { revision: string };

/**
 * The current state of one position with every change made to it, as an editor reviews it: read off its
 * stance-timeline versions, in record order.
 */
export const positionDetailOf = (versions: readonly RevisedVersion[]): PositionDetail | null => {
  const current = versions.at(-1);
  if (!current) return null;
  const { revision: _revision, ...latest } = current;
  return {
    ...latest,
    status: latest.retracted ? 'retracted' : latest.withdrawnAt ? 'withdrawn' : 'stated',
    history: versions.map((version) => ({
      change: version.change,
      recordedAt: version.recordedFrom,
      reason: version.reason,
      revision: version.revision,
    })),
    lastRecordedAt: latest.recordedFrom,
  };
};
