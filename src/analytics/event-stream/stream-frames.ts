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

const onTopic = (topicId: string | undefined, filter: string | undefined): boolean =>
  !filter || (topicId !== undefined && (topicId === filter || topicId.startsWith(`${filter}.`)));

const frame = (event: string, data: unknown, id?: string): string =>
  `event: ${event}\n${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

/**
 * One connection's view of the log: each event as a frame, followed by the `stance.changed` frames it caused.
 * Only the last frame of an event carries its id, so a client that resumes from Last-Event-ID never misses the
 * stance changes of an event it saw.
 */
export class StreamFrames {
  /** Per actor, the positions as of the last event seen, loaded from the actor's stream on first need. */
  private readonly tracked = new Map<string, Map<string, TrackedPosition>>();

  constructor(
    private readonly store: EventStore,
    private readonly filter: StreamFilter,
  ) {}

  async framesFor(recorded: RecordedEvent): Promise<string> {
    const data = recorded.data as { actorId?: string; topicId?: string; positionId?: string };
    if (this.filter.actorId && data.actorId !== this.filter.actorId) return '';
    let topicId = data.topicId;
    let changes: StanceChange[] = [];
    if (isPositionEvent(recorded) && data.actorId) {
      const positions = await this.positionsBefore(data.actorId, recorded);
      topicId ??= positions.get(data.positionId as string)?.topicId;
      const event = recorded as unknown as PositionEvent;
      changes = trackStanceChanges(positions, event, Number(recorded.revision)).changes;
    }
    const frames: [string, unknown][] = [];
    if (onTopic(topicId, this.filter.topicId)) frames.push([recorded.type, recorded]);
    for (const change of changes) {
      if (!onTopic(change.topicId, this.filter.topicId)) continue;
      frames.push([
        'stance.changed',
        {
          ...change,
          recordedAt: (recorded.data as { recordedAt: string }).recordedAt,
          cause: { event: recorded.type, eventId: recorded.id, positionId: data.positionId },
        },
      ]);
    }
    return frames
      .map(([name, body], index) =>
        frame(name, body, index === frames.length - 1 ? recorded.position : undefined),
      )
      .join('');
  }

  private async positionsBefore(
    actorId: string,
    recorded: RecordedEvent,
  ): Promise<Map<string, TrackedPosition>> {
    const known = this.tracked.get(actorId);
    if (known) return known;
    const positions = new Map<string, TrackedPosition>();
    const revision = BigInt(recorded.revision);
    for (const earlier of await this.store.readStream(actorStreamName(actorId))) {
      if (BigInt(earlier.revision) >= revision) break;
      if (isPositionEvent(earlier))
        trackStanceChanges(positions, earlier as unknown as PositionEvent, Number(earlier.revision));
    }
    this.tracked.set(actorId, positions);
    return positions;
  }
}
