export type LocalReadModelState = 'disabled' | 'loading' | 'ready';

export type LocalReadModelStatus = {
  name: string;
  state: LocalReadModelState;
  checkpoint: string | null;
  eventsApplied: number;
  lag: number;
  lastError: string | null;
} & Record<string, unknown>;

/** A read model held in this process's memory (each process keeps its own, fed from the log): no checkpoint row. */
export abstract class LocalReadModel {
  abstract readonly name: string;
  abstract status(): Promise<LocalReadModelStatus>;
  /** The last event applied, if this model answers reads now; undefined while it loads or when it is off. */
  abstract servingCheckpoint(): string | null | undefined;
}
