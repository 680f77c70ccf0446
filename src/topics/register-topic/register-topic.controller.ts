import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { RegisterTopicCommand } from './register-topic.command';
import { RegisterTopicRequest } from './register-topic.request';
import { TopicWriteResponse } from '../topic-catalogue/topic.response';
import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('topics')
@Controller('v1/topics')
export class RegisterTopicController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequiresRole('editor')
  @ApiOperation({ summary: 'Register a topic (a proposition with a fixed direction)' })
  @ApiErrors('TOPIC.ALREADY_REGISTERED', 'TOPIC.INVALID_ID')
  @ApiResponse({ status: 201, description: 'Registered', type: TopicWriteResponse })
  @ApiResponse({
    status: 200,
    description: 'The same registration again: nothing new',
    type: TopicWriteResponse,
  })
  async register(
    @Body() body: RegisterTopicRequest,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const topic = { topicId: body.id, title: body.title.trim(), proposition: body.proposition.trim() };
    const result = await this.commands.execute(new RegisterTopicCommand(topic, metadata));
    response.status(result.appended ? 201 : 200);
    return { topicId: result.topicId, revision: result.revision };
  }
}
