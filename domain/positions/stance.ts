export const STANCES = [
  'support',
  'conditional-support',
  'hedged',
  'conditional-opposition',
  'oppose',
  'no-comment',
] as const;
export type Stance = (typeof STANCES)[number];

const SCORES: Readonly<Record<Stance, number | null>> = {
  support: 1,
  'conditional-support': 0.5,
  hedged: 0,
  'conditional-opposition': -0.5,
  oppose: -1,
  'no-comment': null,
};

/** No score for no-comment: a refusal to say is recorded, but it is not a point on the scale. */
export const stanceScore = (stance: Stance): number | null => SCORES[stance];

export const isConditional = (stance: Stance): boolean =>
  stance === 'conditional-support' || stance === 'conditional-opposition';

export const EVIDENCE_TYPES = ['direct-quote', 'partial-quote', 'paraphrase', 'anonymous-source'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const STATED_AT_PRECISIONS = ['instant', 'day', 'week', 'month'] as const;
export type StatedAtPrecision = (typeof STATED_AT_PRECISIONS)[number];

/**
 * A statement known only to a day, week or month counts from the start of that period, in UTC
 * (weeks start on Monday, as in ISO 8601): "said last week" is in force for the whole of that week.
 */
export const startOfPrecision = (instant: Date, precision: StatedAtPrecision): Date => {
  if (precision === 'instant') return new Date(instant.getTime());
  const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  if (precision === 'day') return new Date(day);
  if (precision === 'month') return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1));
  const sinceMonday = (instant.getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * 86_400_000);
};
