import { durationListMs } from '../config/environment';
import { nextStep } from './retry-policy';

const schedule = durationListMs('0,5s,5m,30m,2h,5h,10h,14h,20h,24h');
const steady = { retry4xx: false, random: () => 0.5 };

describe('webhook retry policy', () => {
  it('reads the schedule with durations', () => {
    expect(schedule).toEqual([
      0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000,
    ]);
  });

  it('is delivered on any 2xx', () =>
    expect(nextStep({ statusCode: 204, retryAfterMs: null }, 1, schedule, steady)).toEqual({
      kind: 'delivered',
    }));

  it('retries a 500 after the next step, with jitter within 10%', () => {
    expect(nextStep({ statusCode: 500, retryAfterMs: null }, 1, schedule, steady)).toEqual({
      kind: 'retry',
      delayMs: 5_000,
    });
    const jittered = nextStep({ statusCode: 500, retryAfterMs: null }, 2, schedule, {
      retry4xx: false,
      random: () => 0,
    });
    expect(jittered).toEqual({ kind: 'retry', delayMs: 270_000 });
  });

  it('honours Retry-After and retries 408, 409, 425, 429 and network failures', () => {
    expect(nextStep({ statusCode: 429, retryAfterMs: 42_000 }, 1, schedule, steady)).toEqual({
      kind: 'retry',
      delayMs: 42_000,
    });
    for (const statusCode of [408, 409, 425, null])
      expect(nextStep({ statusCode, retryAfterMs: null }, 1, schedule, steady).kind).toBe('retry');
  });

  it('does not retry other 4xx unless configured, and 410 means gone', () => {
    expect(nextStep({ statusCode: 400, retryAfterMs: null }, 1, schedule, steady)).toEqual({
      kind: 'dead',
      reason: expect.stringContaining('400'),
    });
    expect(
      nextStep({ statusCode: 400, retryAfterMs: null }, 1, schedule, { retry4xx: true, random: () => 0.5 })
        .kind,
    ).toBe('retry');
    expect(nextStep({ statusCode: 410, retryAfterMs: null }, 1, schedule, steady)).toEqual({ kind: 'gone' });
  });

  it('is dead after the last attempt', () =>
    expect(nextStep({ statusCode: 503, retryAfterMs: null }, schedule.length, schedule, steady)).toEqual({
      kind: 'dead',
      reason: 'no success after 10 attempts',
    }));
});
