import type { DeciderSnapshot } from './decider-snapshots';

export type CachedState = DeciderSnapshot & {
  /** The revision of the newest snapshot stored (or being stored) from this process; -1 for none. */
  storedRevision: number;
};

/**
 * The folded state of recently written streams, least recently used first out. Its size is counted in the events
 * each state was folded from (revision + 1), since a state grows with its stream.
 */
export class DeciderStateCache {
  private readonly entries = new Map<string, CachedState>();
  private weight = 0;

  constructor(private readonly maxEvents: number) {}

  get(key: string): CachedState | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedState): void {
    this.delete(key);
    const weight = weightOf(entry);
    if (weight > this.maxEvents) return;
    this.entries.set(key, entry);
    this.weight += weight;
    for (const [oldest, evicted] of this.entries) {
      if (this.weight <= this.maxEvents) break;
      this.entries.delete(oldest);
      this.weight -= weightOf(evicted);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= weightOf(entry);
  }
}

const weightOf = (entry: CachedState): number => Number(entry.revision) + 1;
