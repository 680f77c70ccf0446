import type { PositionEvent } from './position.events';
import {
  evolveStanceTimeline,
  type TimelineChange,
  type TimelineVersion,
} from './stance-timeline.projection';

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

/** The current state of one position with every change made to it, as an editor reviews it. */
export const evolvePositionDetail = (
  current: PositionDetail | null,
  event: PositionEvent,
  revision: string,
): PositionDetail | null => {
  const next = evolveStanceTimeline(current, event, revision);
  if (!next) return current;
  const status: PositionStatus = next.retracted ? 'retracted' : next.withdrawnAt ? 'withdrawn' : 'stated';
  const change: PositionChange = {
    change: next.change,
    recordedAt: event.data.recordedAt,
    reason: next.reason,
    revision,
  };
  return {
    ...next,
    status,
    history: [...(current?.history ?? []), change],
    lastRecordedAt: event.data.recordedAt,
  };
};
