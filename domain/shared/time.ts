export const DAY_MS = 86_400_000;

export const isValidDate = (value: Date): boolean => !Number.isNaN(value.getTime());

export const isoDay = (value: Date): string => value.toISOString().slice(0, 10);

export const maxDate = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);
