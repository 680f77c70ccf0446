import { durationMs, parseDurations, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('defaults to embedded PGlite on port 3000, seeding on start, reads open', () => {
    expect(validateEnvironment({})).toMatchObject({
      EVENT_STORE: 'pglite',
      DATA_DIR: './data',
      PORT: 3000,
      SEED_ON_START: true,
      READ_REQUIRES_KEY: false,
    });
  });

  it('chooses PostgreSQL when DATABASE_URL is set', () => {
    expect(validateEnvironment({ DATABASE_URL: 'postgres://localhost/db' }).EVENT_STORE).toBe('postgres');
  });

  it('names every bad variable and its rule at once', () => {
    const boot = () =>
      validateEnvironment({
        EVENT_STORE: 'mongo',
        PORT: 'eighty',
        ADMIN_API_KEY: 'short',
        API_KEYS: 'boss:abc',
        READ_REQUIRES_KEY: 'maybe',
      });
    expect(boot).toThrow(/EVENT_STORE: .*must be one of/);
    expect(boot).toThrow(/PORT: /);
    expect(boot).toThrow(/ADMIN_API_KEY: ADMIN_API_KEY must be at least 16 characters/);
    expect(boot).toThrow(/API_KEYS: .*role:key pairs \(roles admin\|editor\|reader\|webhooks,/);
    expect(boot).toThrow(/READ_REQUIRES_KEY: /);
  });

  it('retries racing writes for 2s and snapshots after 100 events by default, and names a bad setting', () => {
    expect(validateEnvironment({})).toMatchObject({
      WRITE_RETRY_DEADLINE: '2s',
      WRITE_STATE_CACHE_EVENTS: 100_000,
      SNAPSHOT_AFTER_EVENTS: 100,
    });
    const boot = () =>
      validateEnvironment({
        WRITE_RETRY_DEADLINE: 'soon',
        WRITE_STATE_CACHE_EVENTS: '-1',
        SNAPSHOT_AFTER_EVENTS: 'x',
      });
    expect(boot).toThrow(/WRITE_RETRY_DEADLINE: WRITE_RETRY_DEADLINE must be a duration/);
    expect(boot).toThrow(/WRITE_STATE_CACHE_EVENTS: /);
    expect(boot).toThrow(/SNAPSHOT_AFTER_EVENTS: /);
  });

  it('runs one HTTP process by default, several only on a PostgreSQL server', () => {
    expect(validateEnvironment({}).HTTP_WORKERS).toBe(1);
    expect(
      validateEnvironment({ DATABASE_URL: 'postgres://localhost/db', HTTP_WORKERS: '4' }).HTTP_WORKERS,
    ).toBe(4);
    expect(() => validateEnvironment({ HTTP_WORKERS: '2' })).toThrow(/HTTP_WORKERS: .*PGlite/);
    expect(() =>
      validateEnvironment({
        DATABASE_URL: 'postgres://localhost/db',
        EVENT_STORE: 'pglite',
        HTTP_WORKERS: '2',
      }),
    ).toThrow(/HTTP_WORKERS: /);
    expect(() => validateEnvironment({ DATABASE_URL: 'postgres://localhost/db', HTTP_WORKERS: '0' })).toThrow(
      /HTTP_WORKERS: /,
    );
  });

  it('takes the auto-record confidence as a number from 0 to 1', () => {
    expect(validateEnvironment({}).EXTRACTION_AUTO_RECORD_CONFIDENCE).toBe(0.93);
    expect(
      validateEnvironment({ EXTRACTION_AUTO_RECORD_CONFIDENCE: '0.7' }).EXTRACTION_AUTO_RECORD_CONFIDENCE,
    ).toBe(0.7);
    expect(() => validateEnvironment({ EXTRACTION_AUTO_RECORD_CONFIDENCE: '1.5' })).toThrow(
      /EXTRACTION_AUTO_RECORD_CONFIDENCE: /,
    );
    expect(() => validateEnvironment({ EXTRACTION_AUTO_RECORD_CONFIDENCE: 'high' })).toThrow(
      /EXTRACTION_AUTO_RECORD_CONFIDENCE: /,
    );
  });

  it('requires DATABASE_URL with EVENT_STORE=postgres and KURRENTDB_URL with kurrentdb', () => {
    expect(() => validateEnvironment({ EVENT_STORE: 'postgres' })).toThrow(
      /DATABASE_URL: .*required with EVENT_STORE=postgres/,
    );
    expect(() => validateEnvironment({ EVENT_STORE: 'kurrentdb' })).toThrow(
      /KURRENTDB_URL: .*kurrentdb:\/\//,
    );
    expect(
      validateEnvironment({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false' })
        .EVENT_STORE,
    ).toBe('kurrentdb');
  });

  it('takes the HTTP timeouts as durations, the headers one no longer than the request one', () => {
    expect(validateEnvironment({})).toMatchObject({
      HTTP_HEADERS_TIMEOUT: '10s',
      HTTP_REQUEST_TIMEOUT: '30s',
      HTTP_CONNECTION_TIMEOUT: '120s',
      HTTP_MAX_CONNECTIONS_PER_CLIENT: 256,
    });
    expect(() => validateEnvironment({ HTTP_HEADERS_TIMEOUT: '1m', HTTP_REQUEST_TIMEOUT: '30s' })).toThrow(
      /HTTP_HEADERS_TIMEOUT: .*not be longer than HTTP_REQUEST_TIMEOUT/,
    );
    expect(() => validateEnvironment({ HTTP_REQUEST_TIMEOUT: 'soon' })).toThrow(
      /HTTP_REQUEST_TIMEOUT: .*duration/,
    );
    expect(() => validateEnvironment({ HTTP_CONNECTION_TIMEOUT: '10s' })).toThrow(
      /HTTP_CONNECTION_TIMEOUT: .*longer than 15s/,
    );
    expect(validateEnvironment({ HTTP_CONNECTION_TIMEOUT: '0' }).HTTP_CONNECTION_TIMEOUT).toBe('0');
  });

  it('caps connections and event streams with positive counts', () => {
    expect(validateEnvironment({ SSE_MAX_STREAMS: '50', SSE_MAX_STREAMS_PER_CLIENT: '5' })).toMatchObject({
      SSE_MAX_STREAMS: 50,
      SSE_MAX_STREAMS_PER_CLIENT: 5,
    });
    expect(() => validateEnvironment({ SSE_MAX_STREAMS: '0' })).toThrow(/SSE_MAX_STREAMS: /);
    expect(() => validateEnvironment({ HTTP_MAX_CONNECTIONS: 'lots' })).toThrow(/HTTP_MAX_CONNECTIONS: /);
    expect(
      validateEnvironment({ HTTP_MAX_CONNECTIONS_PER_CLIENT: '0' }).HTTP_MAX_CONNECTIONS_PER_CLIENT,
    ).toBe(0);
  });

  it('parses every duration once, to milliseconds, and never reads a malformed one as zero', () => {
    const durations = parseDurations(
      validateEnvironment({ WEBHOOKS_LEASE: '90s', WEBHOOKS_RETRY_SCHEDULE: '0, 5s,2m' }),
    );
    expect(durations.WEBHOOKS_LEASE).toBe(90_000);
    expect(durations.WRITE_RETRY_DEADLINE).toBe(2_000);
    expect(durations.WEBHOOKS_RETRY_SCHEDULE).toEqual([0, 5_000, 120_000]);
    expect(() => durationMs('soon')).toThrow(/"soon" is not a duration/);
  });
});
