export const maxDate = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/** Milliseconds since the epoch of an ISO 8601 instant, the one parse the domain compares times by. */
export const time = (iso: string): number => Date.parse(iso);
