import { Controller, Get, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../infrastructure/clock';

import { decodeCursor, encodeCursor } from '../../infrastructure/http/page-cursor';

import { QuotationSearchQuery } from './quotation-search.query';

import { QuotationSearchRequest } from './quotation-search.request';

import { QuotationPageResponse } from '../shared/analytics.response';

@ApiTags('analytics')
@Controller('v1/quotations')
export class QuotationSearchController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Full-text search over quotations and summaries, ranked, with highlighted fragments',
  })
  @ApiResponse({ status: 200, description: 'Hits by rank, a page at a time', type: QuotationPageResponse })
  async search(@Query() query: QuotationSearchRequest) {
    const knownAt = query.knownAt ? new Date(query.knownAt) : this.clock.now();
    const key = decodeCursor<[string, string]>(query.after, 'quotations', ['string', 'string'], ([rank]) =>
      Number.isFinite(Number(rank)),
    );
    const limit = query.limit ?? 20;
    const hits = await this.queries.execute(
      new QuotationSearchQuery(
        {
          q: query.q,
          knownAt,
          actorId: query.actor,
          topicId: query.topic,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
        },
        key,
        limit,
      ),
    );
    const last = hits[hits.length - 1];
    return {
      q: query.q,
      knownAt: knownAt.toISOString(),
      items: hits.map(({ rankKey: _, ...hit }) => hit),
      next:
        hits.length === limit ? encodeCursor('quotations', [last.rankKey, last.position.positionId]) : null,
    };
  }
}
