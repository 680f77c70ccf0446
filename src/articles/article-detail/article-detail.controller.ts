import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ArticleDetailQuery } from './article-detail.query';
import { ARTICLE_EXAMPLE } from '../articles.examples';

export class ArticleParams {
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, {
    message: 'articleId must be an article id as POST /v1/articles returned it',
  })
  articleId!: string;
}

@ApiTags('articles')
@Controller('v1/articles')
export class ArticleDetailController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':articleId')
  @ApiResponse({ status: 200, description: 'The article with its quotations', example: ARTICLE_EXAMPLE })
  @ApiOperation({
    summary:
      'An article with its quotations: speaker, span, day said, topic, stance, confidence, and what was recorded',
  })
  async one(@Param() { articleId }: ArticleParams) {
    return this.queries.execute(new ArticleDetailQuery(articleId));
  }
}
