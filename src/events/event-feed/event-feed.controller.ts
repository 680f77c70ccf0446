import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EventStore } from '../../infrastructure/event-store/event-store.port';
import { EventFeedRequest } from './event-feed.request';

@ApiTags('events')
@Controller('v1/events')
export class EventFeedController {
  constructor(private readonly store: EventStore) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: 'A page of events',
    example: {
      events: [
        {
          id: '6b0f6a3e-1c3d-5a7b-8e9f-0a1b2c3d4e5f',
          type: 'PositionStated',
          schemaVersion: 1,
          streamName: 'actor-donald-trump',
          revision: '14',
          position: '1234.57',
          recordedAt: '2025-02-28T09:00:00.000Z',
          data: {
            actorId: 'donald-trump',
            topicId: 'ukraine.security-guarantees.us',
            positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
            stance: 'conditional-opposition',
            conditions: [
              {
                text: "Europe, as Ukraine's next-door neighbour, should provide them",
                topicId: 'ukraine.security-guarantees.europe',
              },
            ],
            summary:
              'At his Cabinet meeting Trump said the US would not give Ukraine security guarantees "beyond very much" and that Europe should do it.',
            quote: "I'm not going to make security guarantees beyond very much.",
            evidenceType: 'direct-quote',
            statedAt: '2025-02-26T00:00:00.000Z',
            statedAtPrecision: 'day',
            confidence: 0.95,
            sources: [
              {
                outlet: 'BBC News',
                articleId: '003_b93aada126a295ef',
                url: null,
                publishedOn: '2025-02-26',
                text: "I'm not going to make security guarantees beyond very much",
                span: { start: 1820, end: 1880 },
              },
            ],
            recordedAt: '2025-02-28T09:00:00.000Z',
          },
          metadata: {
            recordedBy: 'seeds',
            correlationId: 'seed-replay',
            causationId: 'seed:trump-security-guarantees-beyond-very-much',
          },
        },
      ],
      next: '1234.57',
    },
  })
  @ApiOperation({ summary: 'The raw event log in global order, a page at a time (opaque cursor)' })
  async feed(@Query() { after, limit }: EventFeedRequest) {
    const page = await this.store.readAll(after ?? null, limit ?? 100);
    return { events: page.events, next: page.next };
  }
}
