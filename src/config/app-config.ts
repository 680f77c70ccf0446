import type { EnvironmentVariables } from './environment';

/** The validated configuration, injected wherever a setting is needed (nothing else reads process.env). */
export abstract class AppConfig {
  abstract readonly env: EnvironmentVariables;
}
