import type { StanceInForce } from '@domain/positions';

/** A stance as the stance routes write it: JSON, without the actorId their answer states once. */
export const stanceJson = ({ actorId: _, ...stance }: StanceInForce): string => JSON.stringify(stance);
