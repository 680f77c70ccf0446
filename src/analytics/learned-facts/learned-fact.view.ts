import type { StanceInForce, TimelineChange } from '@domain/positions';

/** Listed, not only typed: the contract's enum takes this order, whatever order the type checker meets the values in. */
export const LEARNED_KIND_VALUES = [
  'new-position',
  'new-source',
  'withdrawal',
  'correction',
  'retraction',
] as const;
export type LearnedKind = (typeof LEARNED_KIND_VALUES)[number];

export const LEARNED_KINDS: Readonly<Record<TimelineChange, LearnedKind>> = {
  stated: 'new-position',
  'source-added': 'new-source',
  withdrawn: 'withdrawal',
  corrected: 'correction',
  retracted: 'retraction',
};

/** One thing our record learned at `recordedAt`: the position as it stood after, and before when it changed. */
export type LearnedFact = {
  kind: LearnedKind;
  recordedAt: string;
  actorId: string;
  topicId: string;
  positionId: string;
  reason: string | null;
  /** For a correction: the fields it changed. */
  changedFields: string[];
  position: StanceInForce & { withdrawnAt: string | null; retracted: boolean };
  previous: (StanceInForce & { withdrawnAt: string | null; retracted: boolean }) | null;
  /** Record order within one record time: part of the cursor. */
  sequence: number;
};
