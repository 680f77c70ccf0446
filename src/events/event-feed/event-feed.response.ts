import { ApiProperty } from '@nestjs/swagger';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';

export class RecordedEventResponse implements RecordedEvent {
  /** Unique; a repeated append with the same id adds nothing. */
  id!: string;
  /** The event type, e.g. `PositionStated`. */
  type!: string;
  schemaVersion!: number;
  /** The event's own fields, as its type defines them. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: object;
  @ApiProperty({
    type: 'object',
    description: 'Who recorded it and why; a backfill also has `appendedAt`, the real append time.',
    properties: {
      recordedBy: { type: 'string', description: "The key's name, `seeds`, or `anonymous`." },
      correlationId: { type: 'string' },
      causationId: { type: 'string' },
      commandId: { type: 'string' },
      appendedAt: { type: 'string' },
    },
    required: ['recordedBy', 'correlationId', 'causationId'],
    additionalProperties: true,
  })
  metadata!: RecordedEvent['metadata'];
  streamName!: string;
  revision!: string;
  /** Place in the global order: pass it back as `after`. */
  position!: string;
  /** Record time. */
  recordedAt!: string;
}

export class EventFeedResponse {
  events!: RecordedEventResponse[];
  /** Pass back as `after` to read on; null once this page reaches the end of the log. */
  next!: string | null;
}
