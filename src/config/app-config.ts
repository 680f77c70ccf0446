import type { Durations, EnvironmentVariables } from './environment';

/** The validated configuration, injected wherever a setting is needed (nothing else reads process.env). */
export abstract class AppConfig {
  abstract readonly env: EnvironmentVariables;
  /** The duration settings in milliseconds, parsed once. */
  abstract readonly durations: Durations;
}
