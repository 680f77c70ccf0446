import type { UpcastRegistry } from '@domain/shared/upcaster';

/**
 * Every stored event type at schema version 1 is current, so nothing is upcast yet. A new version of a
 * type adds `{ current: 2, steps: { 1: (v1) => v2 } }` here and the read path serves v2 to everyone.
 */
export const EVENT_UPCASTERS: UpcastRegistry = {};
