import type { Precision, Rating, Stance } from './types';

export const STANCES: Stance[] = [
  'support',
  'conditional-support',
  'hedged',
  'conditional-opposition',
  'oppose',
  'no-comment',
];

export const STANCE_LABELS: Record<Stance, string> = {
  support: 'support',
  'conditional-support': 'conditional support',
  hedged: 'hedged',
  'conditional-opposition': 'conditional opposition',
  oppose: 'oppose',
  'no-comment': 'no comment',
};

export const SHORT_LABELS: Record<Stance, string> = {
  support: 'support',
  'conditional-support': 'cond. support',
  hedged: 'hedged',
  'conditional-opposition': 'cond. oppose',
  oppose: 'oppose',
  'no-comment': 'no comment',
};

/** The diverging scale (ColorBrewer RdBu ends); hedged is a neutral sand, no-comment a hatch (styles.css). */
export const STANCE_COLORS: Record<Stance, string> = {
  support: '#2166ac',
  'conditional-support': '#8fbfdc',
  hedged: '#d8cfb8',
  'conditional-opposition': '#f2a483',
  oppose: '#b2182b',
  'no-comment': 'url(#no-comment-hatch)',
};

/** Text on each stance's fill, at 4.5:1 or better. */
export const STANCE_INK: Record<Stance, string> = {
  support: '#ffffff',
  'conditional-support': '#111111',
  hedged: '#111111',
  'conditional-opposition': '#111111',
  oppose: '#ffffff',
  'no-comment': '#111111',
};

export const RATING_LABELS: Record<Rating, string> = {
  'full-flop': 'full flop',
  'half-flip': 'half flip',
  'engagement-change': 'engagement change',
  'no-flip': 'no flip',
};

export const DAY_MS = 86_400_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const formatDay = (iso: string | number | Date): string => {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
};

export const formatMoment = (iso: string | number | Date): string => {
  const date = new Date(iso);
  return `${formatDay(date)}, ${date.toISOString().slice(11, 19)} UTC`;
};

/** "26 Feb 2025", "the week of 17 Feb 2025", "Feb 2025": a statement known only to a period says so. */
export const formatStated = (iso: string, precision: Precision | null): string => {
  const date = new Date(iso);
  switch (precision) {
    case 'week':
      return `the week of ${formatDay(date)}`;
    case 'month':
      return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    case 'instant':
      return formatMoment(date);
    default:
      return formatDay(date);
  }
};

/** The end of the period a statement is known to: a day, a week or a month after its start. */
export const periodEnd = (iso: string, precision: Precision): number => {
  const date = new Date(iso);
  if (precision === 'week') return date.getTime() + 7 * DAY_MS;
  if (precision === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  if (precision === 'day') return date.getTime() + DAY_MS;
  return date.getTime();
};

export const isoDay = (time: number | string): string => new Date(time).toISOString().slice(0, 10);
