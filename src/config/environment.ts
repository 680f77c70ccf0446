import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';
import ms from 'ms';

export const EVENT_STORES = ['pglite', 'postgres', 'kurrentdb'] as const;
export type EventStoreEngine = (typeof EVENT_STORES)[number];

const BOOLEANS: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  yes: true,
  on: true,
  '0': false,
  false: false,
  no: false,
  off: false,
};
/** Unrecognised words stay strings, so @IsBoolean names them instead of reading them as false. */
const toBoolean = ({ value }: { value: unknown }) => {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return word !== undefined && Object.hasOwn(BOOLEANS, word) ? BOOLEANS[word] : value;
};
const DURATION = '\\d+(?:\\.\\d+)?\\s*(?:ms|s|m|h|d)?';
const isDuration = (name: string) =>
  Matches(new RegExp(`^${DURATION}$`), {
    message: `${name} must be a duration such as 500ms, 5s, 5m, 2h or 1d`,
  });

/** Milliseconds of a duration such as 500ms, 5s or 2h (a bare number is milliseconds); anything else throws. */
export const durationMs = (value: string): number => {
  const parsed = ms(value.replace(/\s+/g, '') as ms.StringValue) as number | undefined;
  if (parsed === undefined || !Number.isFinite(parsed)) throw new Error(`"${value}" is not a duration`);
  return parsed;
};

/** For rules between durations: a malformed one is already named by its own rule, so it passes here. */
const durationOrNull = (value: unknown): number | null => {
  if (typeof value !== 'string') return null;
  try {
    return durationMs(value);
  } catch {
    return null;
  }
};

/** Milliseconds of each duration in a comma-separated list such as 0,5s,5m. */
export const durationListMs = (value: string): number[] => value.split(',').map(durationMs);

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

export class EnvironmentVariables {
  @IsIn(EVENT_STORES)
  EVENT_STORE!: EventStoreEngine;

  @ValidateIf((env: EnvironmentVariables) => env.EVENT_STORE === 'postgres' || env.DATABASE_URL !== undefined)
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// connection string (required with EVENT_STORE=postgres)',
  })
  DATABASE_URL?: string;

  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DATABASE_SCHEMA must be a lowercase SQL identifier' })
  DATABASE_SCHEMA: string = 'public';

  @ValidateIf((env: EnvironmentVariables) => env.EVENT_STORE === 'kurrentdb')
  @Matches(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\/.+/, {
    message:
      'KURRENTDB_URL must be a kurrentdb:// connection string, e.g. kurrentdb://localhost:2113?tls=false',
  })
  KURRENTDB_URL?: string;

  @IsString()
  @MinLength(1)
  DATA_DIR: string = './data';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_API_KEY must be at least 16 characters' })
  ADMIN_API_KEY?: string;

  @IsOptional()
  @Matches(
    /^\s*(admin|editor|reader|webhooks):[^,:\s]{16,}\s*(,\s*(admin|editor|reader|webhooks):[^,:\s]{16,}\s*)*$/,
    {
      message:
        'API_KEYS must be a comma-separated list of role:key pairs (roles admin|editor|reader|webhooks, keys of 16+ characters)',
    },
  )
  API_KEYS?: string;

  @Transform(toBoolean)
  @IsBoolean()
  READ_REQUIRES_KEY: boolean = false;

  @Transform(toBoolean)
  @IsBoolean()
  SEED_ON_START: boolean = true;

  @Transform(toBoolean)
  @IsBoolean()
  PROJECTIONS_ENABLED: boolean = true;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  PROJECTION_POLL_MS: number = 250;

  /**
   * Answer an actor's stances from an in-memory index of the stance timeline, which every process that serves HTTP
   * loads from the log at boot and then follows (SQL answers until it has loaded). Off: always SQL.
   */
  @Transform(toBoolean)
  @IsBoolean()
  STANCE_INDEX_ENABLED: boolean = true;

  /**
   * The stance index's image is stored once this many versions (and a quarter of those it holds) have come since the
   * last one, so that a process boots from it and reads only the log after it (0: never stored nor read).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  STANCE_INDEX_SNAPSHOT_AFTER: number = 20_000;

  /**
   * HTTP processes (node:cluster) sharing PORT. Above 1 only with the read models on a PostgreSQL server:
   * PGlite is embedded in one process. The first worker seeds and projects; the others only serve.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  @ValidateBy({
    name: 'httpWorkersNeedServer',
    validator: {
      validate: (value: unknown, args) => {
        const env = args?.object as EnvironmentVariables;
        return value === 1 || (Boolean(env.DATABASE_URL) && env.EVENT_STORE !== 'pglite');
      },
      defaultMessage: () =>
        'HTTP_WORKERS above 1 needs DATABASE_URL (read models on a PostgreSQL server) and EVENT_STORE postgres or kurrentdb: PGlite lives in one process',
    },
  })
  HTTP_WORKERS: number = 1;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  PROJECTION_BATCH_SIZE: number = 1000;

  /** How long a write without If-Match retries a conflicting write on fresh state (jittered backoff), then 409. */
  @isDuration('WRITE_RETRY_DEADLINE')
  WRITE_RETRY_DEADLINE: string = '2s';

  /** Events' worth of decider state each process keeps in memory, so a write reads only the events after it (0: off). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  WRITE_STATE_CACHE_EVENTS: number = 100_000;

  /** A stream's state is snapshotted once this many events (and a quarter of the stream) follow the last snapshot (0: never). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  SNAPSHOT_AFTER_EVENTS: number = 100;

  /** Extracted quotations at or above this confidence (and complete) are recorded; the rest go to review. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value,
  )
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  EXTRACTION_AUTO_RECORD_CONFIDENCE: number = 0.93;

  /** CIDRs webhook deliveries may reach although private or loopback (self-hosting, tests): "127.0.0.0/8,10.1.0.0/16". */
  @IsOptional()
  @Matches(/^\s*[0-9a-fA-F:.]+\/\d{1,3}\s*(,\s*[0-9a-fA-F:.]+\/\d{1,3}\s*)*$/, {
    message: 'WEBHOOKS_ALLOW_CIDRS must be a comma-separated list of CIDRs, e.g. 127.0.0.0/8,::1/128',
  })
  WEBHOOKS_ALLOW_CIDRS?: string;

  /** Delay before each attempt, the first one included. */
  @Matches(new RegExp(`^\\s*${DURATION}\\s*(,\\s*${DURATION}\\s*)*$`), {
    message: 'WEBHOOKS_RETRY_SCHEDULE must be a comma-separated list of durations, e.g. 0,5s,5m,30m',
  })
  WEBHOOKS_RETRY_SCHEDULE: string = '0,5s,5m,30m,2h,5h,10h,14h,20h,24h';

  @isDuration('WEBHOOKS_CONNECT_TIMEOUT')
  WEBHOOKS_CONNECT_TIMEOUT: string = '5s';

  @isDuration('WEBHOOKS_TIMEOUT')
  WEBHOOKS_TIMEOUT: string = '15s';

  @isDuration('WEBHOOKS_MAX_RETRY_AFTER')
  WEBHOOKS_MAX_RETRY_AFTER: string = '1h';

  /** An endpoint failing without a success for this long is disabled. */
  @isDuration('WEBHOOKS_DISABLE_AFTER')
  WEBHOOKS_DISABLE_AFTER: string = '5d';

  /** How long the previous secret still signs after a rotation. */
  @isDuration('WEBHOOKS_ROTATION_OVERLAP')
  WEBHOOKS_ROTATION_OVERLAP: string = '24h';

  /** How long a worker's claim on a delivery lasts; a killed worker's claims are retried after it. */
  @isDuration('WEBHOOKS_LEASE')
  WEBHOOKS_LEASE: string = '60s';

  /** Retry 4xx answers other than 408, 409, 425 and 429 too. */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOKS_RETRY_4XX: boolean = false;

  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOKS_DELIVERY_ENABLED: boolean = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WEBHOOKS_CONCURRENCY: number = 16;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOKS_POLL_MS: number = 200;

  /** 32 random bytes, base64: encrypts endpoint secrets at rest. Absent: a key file under DATA_DIR. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'WEBHOOKS_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
  })
  WEBHOOKS_ENCRYPTION_KEY?: string;

  /** Time for a request's headers to arrive (slow-header clients are cut off with 408). */
  @isDuration('HTTP_HEADERS_TIMEOUT')
  @ValidateBy({
    name: 'headersWithinRequestTimeout',
    validator: {
      validate: (value: unknown, args) => {
        const headers = durationOrNull(value);
        const request = durationOrNull((args?.object as EnvironmentVariables).HTTP_REQUEST_TIMEOUT);
        return headers === null || request === null || headers <= request;
      },
      defaultMessage: () => 'HTTP_HEADERS_TIMEOUT must not be longer than HTTP_REQUEST_TIMEOUT',
    },
  })
  HTTP_HEADERS_TIMEOUT: string = '10s';

  /** Time for a whole request, body included, to arrive. */
  @isDuration('HTTP_REQUEST_TIMEOUT')
  HTTP_REQUEST_TIMEOUT: string = '30s';

  /** A connection with no traffic either way for this long is closed; 0: never. Above SSE's 15 s keep-alive. */
  @isDuration('HTTP_CONNECTION_TIMEOUT')
  @ValidateBy({
    name: 'aboveKeepAlive',
    validator: {
      validate: (value: unknown) => {
        const timeout = durationOrNull(value);
        return timeout === null || timeout === 0 || timeout > 15_000;
      },
      defaultMessage: () =>
        'HTTP_CONNECTION_TIMEOUT must be 0 (never) or longer than 15s, the keep-alive interval of event streams',
    },
  })
  HTTP_CONNECTION_TIMEOUT: string = '120s';

  /** Open connections this process takes; beyond it a new one is answered 503 and closed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  HTTP_MAX_CONNECTIONS: number = 10_000;

  /** Open connections from one address; beyond it 429 and closed. 0: no cap (behind a proxy every client is the proxy). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  HTTP_MAX_CONNECTIONS_PER_CLIENT: number = 256;

  /** Requests served on one keep-alive connection before it is closed; 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  HTTP_MAX_REQUESTS_PER_SOCKET: number = 0;

  /**
   * Reads (v1 GETs other than event streams) running at once in this process; the rest wait their turn, so that
   * writes are not queued behind every read in flight. 0: no limit.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  HTTP_READ_CONCURRENCY: number = 4;

  /** Open Server-Sent Events streams in this process; beyond it 503 STREAM.CAPACITY_REACHED. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SSE_MAX_STREAMS: number = 1_000;

  /** Open streams per API key, or per address without a key; beyond it 429 STREAM.TOO_MANY_FOR_CLIENT. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SSE_MAX_STREAMS_PER_CLIENT: number = 20;

  /** How long a read that names a consistency token waits for the read models to apply it; then 503. */
  @isDuration('READ_CONSISTENCY_TIMEOUT')
  READ_CONSISTENCY_TIMEOUT: string = '2s';

  /** /health is degraded when a projection has events waiting and its checkpoint has not moved for this long. */
  @isDuration('HEALTH_MAX_STALL')
  HEALTH_MAX_STALL: string = '30s';

  /** /health is degraded when a projection is this many events behind the log. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  HEALTH_MAX_LAG: number = 100_000;

  /** /health is degraded when a transaction holding back the catch-up readers (the xmin horizon) is this old. */
  @isDuration('HEALTH_MAX_TRANSACTION_AGE')
  HEALTH_MAX_TRANSACTION_AGE: string = '30s';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

/** Fails at boot naming every bad variable, with the rule it breaks. */
export const validateEnvironment = (raw: Record<string, unknown>): EnvironmentVariables => {
  const defined = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  if (!defined.EVENT_STORE) defined.EVENT_STORE = defined.DATABASE_URL ? 'postgres' : 'pglite';
  const env = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
};

const DURATION_VARIABLES = [
  'WRITE_RETRY_DEADLINE',
  'WEBHOOKS_CONNECT_TIMEOUT',
  'WEBHOOKS_TIMEOUT',
  'WEBHOOKS_MAX_RETRY_AFTER',
  'WEBHOOKS_DISABLE_AFTER',
  'WEBHOOKS_ROTATION_OVERLAP',
  'WEBHOOKS_LEASE',
  'HTTP_HEADERS_TIMEOUT',
  'HTTP_REQUEST_TIMEOUT',
  'HTTP_CONNECTION_TIMEOUT',
  'READ_CONSISTENCY_TIMEOUT',
  'HEALTH_MAX_STALL',
  'HEALTH_MAX_TRANSACTION_AGE',
] as const satisfies readonly (keyof EnvironmentVariables)[];

/** Every duration setting in milliseconds, parsed once at boot from the validated variables. */
export type Durations = Readonly<Record<(typeof DURATION_VARIABLES)[number], number>> & {
  readonly WEBHOOKS_RETRY_SCHEDULE: readonly number[];
};

export const parseDurations = (env: EnvironmentVariables): Durations => ({
  ...(Object.fromEntries(DURATION_VARIABLES.map((name) => [name, durationMs(env[name])])) as Record<
    (typeof DURATION_VARIABLES)[number],
    number
  >),
  WEBHOOKS_RETRY_SCHEDULE: durationListMs(env.WEBHOOKS_RETRY_SCHEDULE),
});
