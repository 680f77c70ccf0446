import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { Decider } from '@domain/shared/decider';
import { maxDate } from '@domain/shared/time';
import { Clock } from '../clock';
import { ConcurrencyConflictError } from './event-store.errors';
import {
  type EventMetadata,
  EventStore,
  type ExpectedRevision,
  type RecordedEvent,
} from './event-store.port';

/** Namespace for event ids derived from a command id (seeds, Idempotency-Key): the same command, the same ids. */
const EVENT_ID_NAMESPACE = '0b0b5c1e-6f1d-4b8e-9a57-4f1f3c2d7e10';
const MAX_ATTEMPTS = 5;

export type RunOptions = {
  metadata: EventMetadata;
  /** The revision the caller saw (If-Match); absent, the runner retries a conflict on fresh state. */
  expectedRevision?: ExpectedRevision;
  /** Deterministic command id: event ids derive from it, so a repeat appends nothing. */
  commandId?: string;
};

export type RunResult<State> = {
  events: RecordedEvent[];
  appended: boolean;
  revision: string;
  state: State;
  recordedAt: string;
};

type Message = { type: string; data: object };

@Injectable()
export class DeciderRunner {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Read the stream, fold it, decide, append with the revision read. `build` receives record time. */
  async run<State, Command extends Message, StreamEvent extends Message>(
    decider: Decider<State, Command, StreamEvent>,
    streamName: string,
    build: (recordedAt: string) => Command,
    options: RunOptions,
  ): Promise<RunResult<State>> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.readStream(streamName);
      // The stream holds only what this decider's commands appended, so its events are its own type.
      const state = (stored as unknown as StreamEvent[]).reduce(decider.evolve, decider.initialState());
      const revision = stored.length > 0 ? stored[stored.length - 1].revision : null;
      const lastRecordedAt = stored.length > 0 ? new Date(stored[stored.length - 1].recordedAt) : new Date(0);
      // Record time never runs backwards within a stream, whatever the clocks of several processes say.
      const recordedAt = maxDate(this.clock.now(), lastRecordedAt).toISOString();
      const decided = decider.decide(build(recordedAt), state);
      if (decided.length === 0) {
        return { events: [], appended: false, revision: revision ?? '-1', state, recordedAt };
      }
      try {
        const result = await this.store.append(
          streamName,
          decided.map((event, index) => ({
            id: options.commandId
              ? uuidv5(`${options.commandId}#${index}`, EVENT_ID_NAMESPACE)
              : randomUUID(),
            type: event.type,
            schemaVersion: 1,
            data: event.data,
            metadata: { ...options.metadata, ...(options.commandId ? { commandId: options.commandId } : {}) },
          })),
          {
            expectedRevision: options.expectedRevision ?? revision ?? 'no-stream',
            recordedAt: new Date(recordedAt),
          },
        );
        const after = decided.reduce((folded, event) => decider.evolve(folded, event), state);
        return {
          events: result.events,
          appended: result.appended,
          revision: result.nextRevision,
          state: after,
          recordedAt,
        };
      } catch (error) {
        const retry =
          error instanceof ConcurrencyConflictError && !options.expectedRevision && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }
}
