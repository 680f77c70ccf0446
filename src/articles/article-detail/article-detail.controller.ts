import { Controller, Get, Param } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { ArticleDetailQuery } from './article-detail.query';

import { ArticleParams } from './article-params.request';

import { ArticleResponse } from '../articles.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('articles')
@Controller('v1/articles')
export class ArticleDetailController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':articleId')
  @ApiOperation({
    summary:
      'An article with its quotations: speaker, span, day said, topic, stance, confidence, and what was recorded',
  })
  @ApiErrors('ARTICLE.NOT_FOUND')
  @ApiResponse({ status: 200, description: 'The article with its quotations', type: ArticleResponse })
  async one(@Param() { articleId }: ArticleParams) {
    return this.queries.execute(new ArticleDetailQuery(articleId));
  }
}
