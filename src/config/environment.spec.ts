import { validateEnvironment } from './environment';

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
    expect(boot).toThrow(/API_KEYS: .*role:key pairs/);
    expect(boot).toThrow(/READ_REQUIRES_KEY: /);
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
    expect(validateEnvironment({}).EXTRACTION_AUTO_RECORD_CONFIDENCE).toBe(0.85);
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
});
