import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EventStore } from '../../infrastructure/event-store/event-store.port';
import { EventFeedRequest } from './event-feed.request';
import { EventFeedResponse } from './event-feed.response';

@ApiTags('events')
@Controller('v1/events')
export class EventFeedController {
  constructor(private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'The raw event log in global order, a page at a time (opaque cursor)' })
  @ApiResponse({ status: 200, description: 'A page of the log in global order', type: EventFeedResponse })
  async feed(@Query() { after, limit }: EventFeedRequest) {
    const size = limit ?? 100;
    const page = await this.store.readAll(after ?? null, size);
    // A short page is the end of the log: null tells a client following `next` to stop (to follow the log later,
    // keep the last event's position).
    return { events: page.events, next: page.events.length < size ? null : page.next };
  }
}
