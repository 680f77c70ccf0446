import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TopicNotFoundError } from '@domain/topics';
import { decodeKeyCursor, encodeKeyCursor, PageRequest } from '../../infrastructure/http/page.request';
import { TopicParams } from '../topic-params';
import { TopicCatalogueQuery } from './topic-catalogue.query';

@ApiTags('topics')
@Controller('v1/topics')
export class TopicCatalogueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: 'A page of topics',
    example: {
      items: [
        {
          id: 'ukraine.security-guarantees.us',
          parentId: 'ukraine.security-guarantees',
          title: 'US security guarantee for Ukraine',
          proposition: 'The US should give Ukraine a post-ceasefire security guarantee (a US "backstop").',
          registeredAt: '2025-02-28T09:00:00.000Z',
          updatedAt: '2025-02-28T09:00:00.000Z',
        },
      ],
      next: 'dWtyYWluZS5zZWN1cml0eS1ndWFyYW50ZWVzLnVz',
    },
  })
  @ApiOperation({ summary: 'Topics, by id (so each sits after its parent), a page at a time' })
  async list(@Query() page: PageRequest) {
    const limit = page.limit ?? 100;
    const items = await this.queries.execute(
      new TopicCatalogueQuery({ after: decodeKeyCursor(page.after), limit }),
    );
    return { items, next: items.length === limit ? encodeKeyCursor(items[items.length - 1].id) : null };
  }

  @Get(':topicId')
  @ApiResponse({
    status: 200,
    description: 'The topic',
    example: {
      id: 'ukraine.security-guarantees.us',
      parentId: 'ukraine.security-guarantees',
      title: 'US security guarantee for Ukraine',
      proposition: 'The US should give Ukraine a post-ceasefire security guarantee (a US "backstop").',
      registeredAt: '2025-02-28T09:00:00.000Z',
      updatedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: 'One topic and its proposition' })
  async one(@Param() { topicId }: TopicParams) {
    const [topic] = await this.queries.execute(new TopicCatalogueQuery({ topicId }));
    if (!topic) throw new TopicNotFoundError(topicId);
    return topic;
  }
}
