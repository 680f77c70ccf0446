import type { ActorPositions } from '@domain/positions';
import type { RunResult } from '../../infrastructure/event-store/decider-runner';

export type PositionWriteResult = {
  positionId: string;
  revision: string;
  recordedAt: string;
  appended: boolean;
};

/** What every position write answers: the stream revision after it, and the record time it took effect. */
export const positionWriteResult = (
  positionId: string,
  result: RunResult<ActorPositions>,
): PositionWriteResult => ({
  positionId,
  revision: result.revision,
  recordedAt: result.events.at(-1)?.recordedAt ?? result.recordedAt,
  appended: result.appended,
});
