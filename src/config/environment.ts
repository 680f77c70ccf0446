import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
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
  @Matches(/^\s*(admin|editor|reader):[^,:\s]{16,}\s*(,\s*(admin|editor|reader):[^,:\s]{16,}\s*)*$/, {
    message:
      'API_KEYS must be a comma-separated list of role:key pairs (roles admin|editor|reader, keys of 16+ characters)',
  })
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

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  PROJECTION_BATCH_SIZE: number = 1000;

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
