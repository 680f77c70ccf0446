import { Doorbell } from '../doorbell';
import type { ReadAllOfResult, ReadAllResult, SubscribeOptions, Subscription } from './event-store.port';

/**
 * A catch-up loop over any readAll: reads batches until caught up, then waits for a wake-up or the poll
 * interval. It moves its cursor only after `onEvents` resolves, so a failed batch is read again.
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

  const loop = (async () => {
    let failures = 0;
    // While a full batch is handled, the next one is already being read (from where this one ends): the store's
    // reading and the handling overlap. It is dropped if the handling fails, and read again from the cursor.
    let ahead: Promise<ReadAllResult> | null = null;
    while (!stopped) {
      try {
        const { events, next }: ReadAllResult = await (ahead ?? readAll(cursor, options.batchSize));
        ahead = null;
        if (events.length > 0) {
          if (events.length === options.batchSize) {
            ahead = readAll(next, options.batchSize);
            ahead.catch(() => undefined);
          }
          await options.onEvents(events);
          cursor = next;
          failures = 0;
          if (events.length === options.batchSize) continue;
        }
        await doorbell.wait(options.pollMs);
      } catch (error) {
        ahead = null;
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
    },
  };
};

/**
 * Reads the log after `after` to its end in pages of `page` (readAllOf's: the events of some types, and how many
 * were read), handing each to `apply` in order. The next page is asked for before `apply` runs on this one, so that
 * the server reads and sends it while this process applies.
 */
export const readLog = async (
  readAllOf: (after: string | null, limit: number) => Promise<ReadAllOfResult>,
  after: string | null,
  page: number,
  apply: (page: ReadAllOfResult) => void,
  stopped: () => boolean = () => false,
): Promise<void> => {
  let next = readAllOf(after, page);
  for (;;) {
    const current = await next;
    const more = current.read === page && !stopped();
    if (more) next = readAllOf(current.next, page);
    try {
      apply(current);
    } catch (error) {
      if (more) await next.catch(() => undefined);
      throw error;
    }
    if (!more) return;
  }
};
