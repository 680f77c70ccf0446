import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';
import { EnvironmentVariables, parseDurations, validateEnvironment } from './environment';

const VALIDATED = 'validated';

@Global()
@Module({})
export class AppConfigModule {
  /** `overrides` lets tests and the CLI boot the same module with their own settings. */
  static register(overrides: Record<string, string | undefined> = {}) {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          ignoreEnvFile: true,
          validate: (env) => ({ [VALIDATED]: validateEnvironment({ ...env, ...overrides }) }),
        }),
      ],
      providers: [
        {
          provide: AppConfig,
          inject: [ConfigService],
          useFactory: (config: ConfigService): AppConfig => {
            const env = config.getOrThrow<EnvironmentVariables>(VALIDATED);
            return { env, durations: parseDurations(env) };
          },
        },
      ],
      exports: [AppConfig],
    };
  }
}
