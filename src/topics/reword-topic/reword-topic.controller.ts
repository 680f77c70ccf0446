import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { TopicParams } from '../topic-params.request';
import { RewordTopicCommand } from './reword-topic.command';
import { RewordTopicRequest, toRewording } from './reword-topic.request';
import { TopicWriteResponse } from '../topic-catalogue/topic.response';
import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('topics')
@Controller('v1/topics/:topicId')
export class RewordTopicController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @RequiresRole('editor')
  @ApiOperation({ summary: "Reword a topic's title or proposition, keeping its direction" })
  @ApiErrors('TOPIC.NOT_FOUND', 'TOPIC.UNCHANGED', 'EVENT_STORE.CONCURRENCY_CONFLICT')
  @ApiResponse({ status: 200, description: 'Reworded', type: TopicWriteResponse })
  async reword(
    @Param() { topicId }: TopicParams,
    @Body() body: RewordTopicRequest,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const result = await this.commands.execute(new RewordTopicCommand(topicId, toRewording(body), metadata));
    return { topicId: result.topicId, revision: result.revision };
  }
}
