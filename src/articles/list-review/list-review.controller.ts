import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InvalidCursorError } from '../../infrastructure/event-store/event-store.errors';
import { decodeKeyCursor, encodeKeyCursor } from '../../infrastructure/http/page.request';
import { ListReviewQuery } from './list-review.query';
import { ListReviewRequest } from './list-review.request';
import { REVIEW_PAGE_EXAMPLE } from '../articles.examples';

const decodeCursor = (cursor: string | undefined): { queuedAt: string; quotationId: string } | null => {
  if (!cursor) return null;
  try {
    const [queuedAt, quotationId] = JSON.parse(decodeKeyCursor(cursor)) as unknown[];
    if (
      typeof queuedAt === 'string' &&
      typeof quotationId === 'string' &&
      !Number.isNaN(Date.parse(queuedAt))
    )
      return { queuedAt, quotationId };
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidCursorError(cursor);
};

@ApiTags('review')
@Controller('v1/review')
export class ListReviewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiResponse({ status: 200, description: 'A page of the queue', example: REVIEW_PAGE_EXAMPLE })
  @ApiOperation({
    summary: 'The review queue: extracted quotations that wait for an editor, oldest first, a page at a time',
  })
  async list(@Query() request: ListReviewRequest) {
    const limit = request.limit ?? 100;
    const items = await this.queries.execute(
      new ListReviewQuery({
        status: request.status ?? 'pending',
        articleId: request.articleId,
        actorId: request.actorId,
        after: decodeCursor(request.after),
        limit,
      }),
    );
    const last = items[items.length - 1];
    return {
      items,
      next:
        items.length === limit ? encodeKeyCursor(JSON.stringify([last.queuedAt, last.quotationId])) : null,
    };
  }
}
