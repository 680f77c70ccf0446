import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { RequestValidationError } from '../../infrastructure/http/request-validation.error';
import { STREAM_EXAMPLE } from '../shared/analytics.examples';
import { EVENT_ID, EventStreamRequest } from './event-stream.request';
import { EventStreams } from './event-streams';

@ApiTags('analytics')
@Controller('v1/stream')
export class EventStreamController {
  constructor(private readonly streams: EventStreams) {}

  @Get()
  @ApiOperation({
    summary:
      'Server-Sent Events: new events and stance changes, by actor and topic, resuming from Last-Event-ID',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume after this event id: nothing after it is skipped. Absent: from the end of the log.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream', example: STREAM_EXAMPLE })
  async stream(
    @Query() query: EventStreamRequest,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const resumeFrom = lastEventId?.trim() || query.lastEventId;
    if (resumeFrom && !EVENT_ID.test(resumeFrom)) {
      throw new RequestValidationError([
        {
          field: 'Last-Event-ID',
          rule: 'matches',
          message: 'Last-Event-ID must be an id received from this stream',
        },
      ]);
    }
    if (resumeFrom) await this.streams.check(resumeFrom);
    const after = resumeFrom ?? (await this.streams.head());
    reply
      .header('Content-Type', 'text/event-stream; charset=utf-8')
      .header('Cache-Control', 'no-cache, no-transform')
      .header('Connection', 'keep-alive')
      .header('X-Accel-Buffering', 'no');
    // Fastify steps aside for an endless body; the headers it holds (x-request-id too) go out first.
    reply.hijack();
    const response = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) response.setHeader(name, value);
    response.writeHead(200);
    response.flushHeaders();
    if (reply.request.method === 'HEAD') {
      response.end();
      return;
    }
    response.write(`retry: 2000\n: connected after ${after ?? 'the start'}\n\n`);
    const stop = this.streams.follow(
      after,
      { actorId: query.actor, topicId: query.topic },
      {
        write: async (chunk) => {
          if (response.destroyed) return;
          if (!response.write(chunk)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
        },
        end: () => response.end(),
      },
    );
    response.on('close', () => void stop());
  }
}
