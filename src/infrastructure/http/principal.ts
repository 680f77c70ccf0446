export const ROLES = ['reader', 'editor', 'admin', 'webhooks'] as const;
export type Role = (typeof ROLES)[number];

export type Principal = { name: string; role: Role };

export const ANONYMOUS: Principal = { name: 'anonymous', role: 'reader' };

const RANK: Readonly<Record<Exclude<Role, 'webhooks'>, number>> = { reader: 0, editor: 1, admin: 2 };

/** admin ⊃ editor ⊃ reader; the webhooks role manages webhooks and reads, nothing else; admin does everything. */
export const grants = (held: Role, needed: Role): boolean => {
  if (held === 'admin') return true;
  if (needed === 'webhooks' || held === 'webhooks')
    return held === needed || (held === 'webhooks' && needed === 'reader');
  return RANK[held] >= RANK[needed];
};
