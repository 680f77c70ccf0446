import { Body, Controller, Post, Res } from '@nestjs/common';

import { CommandBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import type { FastifyReply } from 'fastify';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { toArticleView } from '../article-detail/article.view';

import { SubmitArticleCommand } from './submit-article.command';

import { SubmitArticleRequest } from './submit-article.request';

import { ArticleResponse } from '../articles.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('articles')
@Controller('v1/articles')
export class SubmitArticleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequiresRole('editor')
  @ApiOperation({
    summary: 'Store an article and extract its quotations',
    description:
      'Finds every direct quotation, its speaker, the day said, topic and stance. Confident ones become positions ' +
      '(or one more source of a statement already recorded); the rest wait in GET /v1/review. The same text posted ' +
      'again is the same article: 200 with what was found the first time.',
  })
  @ApiErrors('ARTICLE.CONFLICT', 'ARTICLE.ALREADY_EXTRACTED', 'EVENT_STORE.CONCURRENCY_CONFLICT')
  @ApiResponse({ status: 201, description: 'Stored and extracted', type: ArticleResponse })
  @ApiResponse({
    status: 200,
    description: 'The same text again: the article as stored, nothing new',
    type: ArticleResponse,
  })
  async submit(
    @Body() body: SubmitArticleRequest,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const publishedOn = body.publishedOn ?? new Date(body.publishedAt as string).toISOString().slice(0, 10);
    const { created, article } = await this.commands.execute(
      new SubmitArticleCommand(
        {
          text: body.text,
          outlet: body.outlet.trim(),
          publishedOn,
          publishedAt: body.publishedAt ? new Date(body.publishedAt).toISOString() : null,
          url: body.url ?? null,
          title: body.title?.trim() ?? null,
        },
        'record',
        metadata,
      ),
    );
    response.status(created ? 201 : 200).header('Location', `/v1/articles/${article.fields.articleId}`);
    return toArticleView(article);
  }
}
