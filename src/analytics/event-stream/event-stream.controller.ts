import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';

import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../infrastructure/http/auth.guard';
import { RequestValidationError } from '../../infrastructure/http/request-validation.error';

import { STREAM_EXAMPLE } from '../shared/analytics.examples';

import { EVENT_ID, EventStreamRequest } from './event-stream.request';

import { EventStreams } from './event-streams';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

/** Streams are capped per API key, or per address for clients without one. */
const clientOf = (request: AuthenticatedRequest): string =>
  request.principal && request.principal.name !== 'anonymous'
    ? `key:${request.principal.name}`
    : `address:${request.ip}`;

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
  @ApiOkResponse({
    description: 'An endless text/event-stream',
    schema: { type: 'string', description: 'Server-Sent Events frames' },
    example: STREAM_EXAMPLE,
  })
  @ApiErrors('STREAM.TOO_MANY_FOR_CLIENT', 'STREAM.CAPACITY_REACHED', 'ACTOR.NOT_FOUND', 'TOPIC.NOT_FOUND')
  async stream(
    @Query() query: EventStreamRequest,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: AuthenticatedRequest,
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
    const release = this.streams.admit(clientOf(request));
    try {
      if (resumeFrom) await this.streams.check(resumeFrom);
      await this.streams.ready();
    } catch (error) {
      release();
      throw error;
    }
    reply
      .header('Content-Type', 'text/event-stream; charset=utf-8')
      .header('Cache-Control', 'no-cache, no-transform')
      .header('Connection', 'keep-alive')
      .header('X-Accel-Buffering', 'no');
    // Fastify steps aside for an endless body; the headers it holds (x-request-id too) go out first.
    reply.hijack();
    const response = reply.raw;
    response.once('close', release);
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) response.setHeader(name, value);
    response.writeHead(200);
    response.flushHeaders();
    if (reply.request.method === 'HEAD') {
      response.end();
      return;
    }
    this.streams.open(resumeFrom || undefined, { actorId: query.actor, topicId: query.topic }, response);
  }
}
