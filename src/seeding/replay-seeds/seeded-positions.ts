import { Injectable } from '@nestjs/common';
import {
  actorPositionsDecider,
  actorStreamName,
  isPositionEvent,
  type PositionRecord,
} from '@domain/positions';
import { EventStore } from '../../infrastructure/event-store/event-store.port';

export type SeededPosition = {
  record: PositionRecord;
  /** Someone other than the seeds corrected, withdrew or retracted it: their word stands over the seed file's. */
  editedBy: string | null;
};

const EDITS = new Set(['PositionCorrected', 'PositionWithdrawn', 'PositionRetracted']);

/** A seed position as the store holds it, and whether anyone but the seeds has changed it since. */
@Injectable()
export class SeededPositions {
  constructor(private readonly store: EventStore) {}

  async find(actorId: string, positionId: string): Promise<SeededPosition | null> {
    const events = await this.store.readStream(actorStreamName(actorId));
    const state = events.reduce(actorPositionsDecider.evolve, actorPositionsDecider.initialState());
    const record = state.status === 'registered' ? state.positions.get(positionId) : undefined;
    if (!record) return null;
    const edit = events.find(
      (event) =>
        isPositionEvent(event) &&
        EDITS.has(event.type) &&
        event.data.positionId === positionId &&
        event.metadata.recordedBy !== 'seeds',
    );
    return { record, editedBy: edit ? edit.metadata.recordedBy : null };
  }

  /** Who other than the seeds changed a topic's or actor's own details (not an actor's positions), if anyone. */
  async catalogueEditedBy(streamName: string): Promise<string | null> {
    const events = await this.store.readStream(streamName);
    const edit = events.find(
      (event) =>
        !isPositionEvent(event) &&
        event.type !== 'ShiftRatingOverridden' &&
        event.metadata.recordedBy !== 'seeds',
    );
    return edit ? edit.metadata.recordedBy : null;
  }
}
