export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Principal = { name: string; role: Role };

export const ANONYMOUS: Principal = { name: 'anonymous', role: 'reader' };

/** admin can do what an editor can, an editor what a reader can. */
export const grants = (held: Role, needed: Role): boolean => ROLES.indexOf(held) >= ROLES.indexOf(needed);
