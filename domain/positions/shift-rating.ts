import type { FlipRating } from './flip-rating';

export const FLIP_RATINGS: readonly FlipRating[] = ['full-flop', 'half-flip', 'engagement-change', 'no-flip'];

export const isFlipRating = (value: string): value is FlipRating =>
  (FLIP_RATINGS as readonly string[]).includes(value);
