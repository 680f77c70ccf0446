import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '../../infrastructure/event-store/event-store.port';
import { EventFeedRequest } from './event-feed.request';

@ApiTags('events')
@Controller('v1/events')
export class EventFeedController {
  constructor(private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'The raw event log in global order, a page at a time (opaque cursor)' })
  async feed(@Query() { after, limit }: EventFeedRequest) {
    const page = await this.store.readAll(after ?? null, limit ?? 100);
    return { events: page.events, next: page.next };
  }
}
