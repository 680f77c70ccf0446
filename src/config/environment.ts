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
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (BOOLEANS[value.trim().toLowerCase()] ?? value) : value;
const DURATION = '\\d+(?:\\.\\d+)?\\s*(?:ms|s|m|h|d)?';
const isDuration = (name: string) =>
  Matches(new RegExp(`^${DURATION}$`), {
    message: `${name} must be a duration such as 500ms, 5s, 5m, 2h or 1d`,
  });

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
        'API_KEYS must be a comma-separated list of role:key pairs (roles admin|editor|reader, keys of 16+ characters)',
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

  /** Extracted quotations at or above this confidence (and complete) are recorded; the rest go to review. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value,
  )
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  EXTRACTION_AUTO_RECORD_CONFIDENCE: number = 0.85;

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
