import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TopicNotFoundError } from '@domain/topics';
import { decodeKeyCursor, encodeKeyCursor, PageRequest } from '../../infrastructure/http/page.request';
import { TopicParams } from '../topic-params';
import { TopicCatalogueQuery } from './topic-catalogue.query';

@ApiTags('topics')
@Controller('v1/topics')
export class TopicCatalogueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Topics, by id (so each sits after its parent), a page at a time' })
  async list(@Query() page: PageRequest) {
    const limit = page.limit ?? 100;
    const items = await this.queries.execute(
      new TopicCatalogueQuery({ after: decodeKeyCursor(page.after), limit }),
    );
    return { items, next: items.length === limit ? encodeKeyCursor(items[items.length - 1].id) : null };
  }

  @Get(':topicId')
  @ApiOperation({ summary: 'One topic and its proposition' })
  async one(@Param() { topicId }: TopicParams) {
    const [topic] = await this.queries.execute(new TopicCatalogueQuery({ topicId }));
    if (!topic) throw new TopicNotFoundError(topicId);
    return topic;
  }
}
