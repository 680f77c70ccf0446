export const maxDate = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);
