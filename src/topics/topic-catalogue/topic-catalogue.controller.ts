import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TopicNotFoundError } from '@domain/topics';
import { decodeCursor, encodeCursor } from '../../infrastructure/http/page-cursor';
import { PageRequest } from '../../infrastructure/http/page.request';
import { TopicParams } from '../topic-params.request';
import { TopicCatalogueQuery } from './topic-catalogue.query';
import { TopicPageResponse, TopicResponse } from './topic.response';
import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('topics')
@Controller('v1/topics')
export class TopicCatalogueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Topics, by id (so each sits after its parent), a page at a time' })
  @ApiResponse({ status: 200, description: 'A page of topics', type: TopicPageResponse })
  async list(@Query() page: PageRequest) {
    const limit = page.limit ?? 100;
    const items = await this.queries.execute(
      new TopicCatalogueQuery({
        after: decodeCursor<[string]>(page.after, 'topics', ['string'])?.[0] ?? '',
        limit,
      }),
    );
    return {
      items,
      next: items.length === limit ? encodeCursor('topics', [items[items.length - 1].id]) : null,
    };
  }

  @Get(':topicId')
  @ApiOperation({ summary: 'One topic and its proposition' })
  @ApiErrors('TOPIC.NOT_FOUND')
  @ApiResponse({ status: 200, description: 'The topic', type: TopicResponse })
  async one(@Param() { topicId }: TopicParams) {
    const [topic] = await this.queries.execute(new TopicCatalogueQuery({ topicId }));
    if (!topic) throw new TopicNotFoundError(topicId);
    return topic;
  }
}
