import { createHash } from 'node:crypto';
import type { UpcastRegistry } from '@domain/shared/upcaster';

/**
 * Every stored event type at schema version 1 is current, so nothing is upcast yet. A new version of a
 * type adds `{ current: 2, steps: { 1: (v1) => v2 } }` here and the read path serves v2 to everyone.
 */
export const EVENT_UPCASTERS: UpcastRegistry = {};

/** Every event type's current schema version, hashed: a new upcaster changes what a fold sees, so it retires snapshots
 * (the deciders' and the stance index's). */
export const upcasterFingerprint = (upcasters: UpcastRegistry): string =>
  createHash('sha256')
    .update(
      Object.entries(upcasters)
        .map(([type, { current }]) => `${type}@${current}`)
        .sort()
        .join(','),
    )
    .digest('hex')
    .slice(0, 16);
