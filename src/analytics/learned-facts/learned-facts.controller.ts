import { Controller, Get, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../infrastructure/clock';

import { decodeCursor, encodeCursor } from '../../infrastructure/http/page-cursor';

import { LearnedFactsQuery } from './learned-facts.query';

import { LearnedFactsRequest } from './learned-facts.request';

import { LearnedPageResponse } from '../shared/analytics.response';

@ApiTags('analytics')
@Controller('v1/learned')
export class LearnedFactsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'What we learned between two record times: new positions, sources, withdrawals, corrections, retractions',
  })
  @ApiResponse({
    status: 200,
    description: 'Facts in record order, a page at a time',
    type: LearnedPageResponse,
  })
  async learned(@Query() query: LearnedFactsRequest) {
    const from = new Date(query.from);
    const to = query.to ? new Date(query.to) : this.clock.now();
    const key = decodeCursor<[string, number]>(
      query.after,
      'learned',
      ['string', 'number'],
      ([recordedAt, sequence]) => !Number.isNaN(Date.parse(recordedAt)) && Number.isSafeInteger(sequence),
    );
    const limit = query.limit ?? 100;
    const items = await this.queries.execute(new LearnedFactsQuery(from, to, key, limit));
    const last = items[items.length - 1];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      items,
      next: items.length === limit ? encodeCursor('learned', [last.recordedAt, last.sequence]) : null,
    };
  }
}
