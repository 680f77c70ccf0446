import {
  actorStreamName,
  isPositionEvent,
  type PositionEvent,
  type StanceChange,
  trackStanceChanges,
  type TrackedPosition,
} from '@domain/positions';
import type { EventStore, RecordedEvent } from '../../infrastructure/event-store/event-store.port';

export type StreamFilter = { actorId?: string; topicId?: string };

type Frame = { topicId: string | undefined; head: string; tail: string };

const EMPTY = Buffer.alloc(0);

const onTopic = (topicId: string | undefined, filter: string | undefined): boolean =>
  !filter || (topicId !== undefined && (topicId === filter || topicId.startsWith(`${filter}.`)));

const frame = (event: string, data: unknown, topicId: string | undefined): Frame => ({
  topicId,
  head: `event: ${event}\n`,
  tail: `data: ${JSON.stringify(data)}\n\n`,
});

/**
 * One event of the log as Server-Sent Events frames: the event, then the `stance.changed` frames it caused,
 * serialised once and cut per filter. Only the last frame sent carries the event's id, so a client that resumes
 * from Last-Event-ID never misses the stance changes of an event it saw.
 */
export class EventFrames {
  private readonly cut = new Map<string, Buffer>();

  constructor(
    readonly position: string,
    readonly actorId: string | undefined,
    private readonly frames: readonly Frame[],
  ) {}

  /** The bytes a client with this filter gets, encoded once per filter: every client is handed the same buffer. */
  for(filter: StreamFilter): Buffer {
    if (filter.actorId && this.actorId !== filter.actorId) return EMPTY;
    const key = filter.topicId ?? '';
    let bytes = this.cut.get(key);
    if (bytes === undefined) {
      const kept = this.frames.filter((candidate) => onTopic(candidate.topicId, filter.topicId));
      bytes = Buffer.from(
        kept
          .map(({ head, tail }, index) =>
            index === kept.length - 1 ? `${head}id: ${this.position}\n${tail}` : `${head}${tail}`,
          )
          .join(''),
      );
      this.cut.set(key, bytes);
    }
    return bytes;
  }
}

/**
 * Per actor, the positions as of the last event framed, loaded from the actor's stream on first need and
 * forgotten when the least recently used of more than `maxActors`: forgetting costs one read of the stream later.
 */
export class StanceTracker {
  private readonly actors = new Map<string, Map<string, TrackedPosition>>();

  constructor(
    private readonly store: EventStore,
    private readonly maxActors: number,
  ) {}

  /** The event's frames. An actor whose events were skipped must be forgotten first: its positions would be stale. */
  async frame(recorded: RecordedEvent): Promise<EventFrames> {
    const data = recorded.data as { actorId?: string; topicId?: string; positionId?: string };
    let topicId = data.topicId;
    let changes: StanceChange[] = [];
    if (isPositionEvent(recorded) && data.actorId) {
      const positions = await this.positionsBefore(data.actorId, recorded);
      topicId ??= positions.get(data.positionId as string)?.topicId;
      changes = trackStanceChanges(
        positions,
        recorded as unknown as PositionEvent,
        Number(recorded.revision),
      ).changes;
    }
    const recordedAt = (recorded.data as { recordedAt?: string }).recordedAt;
    const cause = { event: recorded.type, eventId: recorded.id, positionId: data.positionId };
    return new EventFrames(recorded.position, data.actorId, [
      frame(recorded.type, recorded, topicId),
      ...changes.map((change) => frame('stance.changed', { ...change, recordedAt, cause }, change.topicId)),
    ]);
  }

  get size(): number {
    return this.actors.size;
  }

  forget(actorId: string): void {
    this.actors.delete(actorId);
  }

  private async positionsBefore(
    actorId: string,
    recorded: RecordedEvent,
  ): Promise<Map<string, TrackedPosition>> {
    const known = this.actors.get(actorId);
    if (known) {
      this.actors.delete(actorId);
      this.actors.set(actorId, known);
      return known;
    }
    const positions = new Map<string, TrackedPosition>();
    const revision = BigInt(recorded.revision);
    for (const earlier of await this.store.readStream(actorStreamName(actorId))) {
      if (BigInt(earlier.revision) >= revision) break;
      if (isPositionEvent(earlier))
        trackStanceChanges(positions, earlier as unknown as PositionEvent, Number(earlier.revision));
    }
    this.actors.set(actorId, positions);
    if (this.actors.size > this.maxActors) this.actors.delete(this.actors.keys().next().value as string);
    return positions;
  }
}
