import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { TopicParams } from '../topic-params';
import { RewordTopicCommand } from './reword-topic.command';
import { RewordTopicRequest } from './reword-topic.request';

@ApiTags('topics')
@Controller('v1/topics/:topicId')
export class RewordTopicController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @RequiresRole('editor')
  @ApiResponse({
    status: 200,
    description: 'The reworded topic',
    example: {
      id: 'ukraine.security-guarantees.us',
      parentId: 'ukraine.security-guarantees',
      title: 'US security guarantee for Ukraine',
      proposition: 'The US should give Ukraine a post-ceasefire security guarantee (a US "backstop").',
      registeredAt: '2025-02-28T09:00:00.000Z',
      updatedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: "Reword a topic's title or proposition, keeping its direction" })
  async reword(
    @Param() { topicId }: TopicParams,
    @Body() body: RewordTopicRequest,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const result = await this.commands.execute(new RewordTopicCommand(topicId, body, metadata));
    return { topicId: result.topicId, revision: result.revision };
  }
}
