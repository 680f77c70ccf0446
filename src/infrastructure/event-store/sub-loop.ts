import { Doorbell } from '../doorbell';
import type { ReadAllResult, RecordedEvent, SubscribeOptions, Subscription } from './event-store.port';

/**
 * Reads pages of the log one ahead: `prefetch(after)` starts reading the page after `after` while the caller
 * works on the page it has; `read(after)` takes that page if it was for the same cursor, and reads otherwise. A
 * page read ahead is only a read made earlier, so what it holds is what a later read would have held then.
 */
export const pageReader = (
  readAll: (after: string | null, limit: number) => Promise<ReadAllResult>,
  limit: number,
) => {
  let ahead: { after: string | null; page: Promise<ReadAllResult> } | null = null;
  return {
    read(after: string | null): Promise<ReadAllResult> {
      const next = ahead;
      ahead = null;
      return next && next.after === after ? next.page : readAll(after, limit);
    },
    prefetch(after: string | null): void {
      const page = readAll(after, limit);
      // Seen when read; a page nobody takes must not fail unheard.
      page.catch(() => undefined);
      ahead = { after, page };
    },
    /** Waits for a read still in flight (before its connection closes). */
    async settle(): Promise<void> {
      await ahead?.page.catch(() => undefined);
      ahead = null;
    },
  };
};

/**
 * A catch-up loop over any readAll: reads batches until caught up, then waits for a wake-up or the poll
 * interval. It moves its cursor only after `onEvents` resolves, so a failed batch is read again. While a full
 * batch is handled, the next one is already being read.
 */
export const catchUpLoop = (
  readAll: (after: string | null, limit: number) => Promise<ReadAllResult>,
  onAppend: (wake: () => void) => () => void,
  options: SubscribeOptions,
): Subscription => {
  let cursor = options.after;
  let stopped = false;
  const doorbell = new Doorbell();
  const unsubscribe = onAppend(() => doorbell.ring());
  const pages = pageReader(readAll, options.batchSize);

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        const { events, next }: { events: RecordedEvent[]; next: string | null } = await pages.read(cursor);
        if (events.length > 0) {
          if (events.length === options.batchSize) pages.prefetch(next);
          await options.onEvents(events);
          cursor = next;
          failures = 0;
          if (events.length === options.batchSize) continue;
        }
        await doorbell.wait(options.pollMs);
      } catch (error) {
        if (stopped) break;
        options.onError?.(error);
        failures += 1;
        await doorbell.wait(Math.min(30_000, options.pollMs * 2 ** Math.min(failures, 8)));
      }
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      unsubscribe();
      doorbell.ring();
      await loop;
      await pages.settle();
    },
  };
};
