export type AttemptOutcome = { statusCode: number | null; retryAfterMs: number | null };

export type NextStep =
  | { kind: 'delivered' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'dead'; reason: string }
  | { kind: 'gone' };

const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/**
 * After attempt number `attempts` (1-based): 2xx delivered; 410 disables the endpoint; other 4xx (but 408,
 * 409, 425, 429) are final unless `retry4xx`; the rest wait the schedule's next step, with ±10% jitter, or
 * what Retry-After asks; after the last step the delivery is dead.
 */
export const nextStep = (
  outcome: AttemptOutcome,
  attempts: number,
  schedule: readonly number[],
  options: { retry4xx: boolean; random?: () => number },
): NextStep => {
  const status = outcome.statusCode;
  if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  if (status !== null && status >= 400 && status < 500 && !RETRYABLE_4XX.has(status) && !options.retry4xx) {
    return { kind: 'dead', reason: `the endpoint answered ${status}, which is not retried` };
  }
  if (attempts >= schedule.length) return { kind: 'dead', reason: `no success after ${attempts} attempts` };
  const base = schedule[attempts];
  const jitter = 1 + ((options.random ?? Math.random)() * 0.2 - 0.1);
  return { kind: 'retry', delayMs: outcome.retryAfterMs ?? Math.round(base * jitter) };
};
