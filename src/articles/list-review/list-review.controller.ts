import { Controller, Get, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { decodeCursor, encodeCursor } from '../../infrastructure/http/page-cursor';

import { ListReviewQuery } from './list-review.query';

import { ListReviewRequest } from './list-review.request';

import { ReviewPageResponse } from '../articles.response';

/** The queue is ordered by (queued at, quotation id); a cursor is the last item's pair. */
const afterKey = (cursor: string | undefined) => {
  const key = decodeCursor<[string, string]>(cursor, 'review', ['string', 'string'], ([queuedAt]) =>
    Number.isFinite(Date.parse(queuedAt)),
  );
  return key && { queuedAt: key[0], quotationId: key[1] };
};

@ApiTags('review')
@Controller('v1/review')
export class ListReviewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The review queue: extracted quotations that wait for an editor, oldest first, a page at a time',
  })
  @ApiResponse({ status: 200, description: 'A page of the queue', type: ReviewPageResponse })
  async list(@Query() request: ListReviewRequest) {
    const limit = request.limit ?? 100;
    const items = await this.queries.execute(
      new ListReviewQuery({
        status: request.status ?? 'pending',
        articleId: request.articleId,
        actorId: request.actorId,
        after: afterKey(request.after),
        limit,
      }),
    );
    const last = items[items.length - 1];
    return {
      items,
      next: items.length === limit ? encodeCursor('review', [last.queuedAt, last.quotationId]) : null,
    };
  }
}
