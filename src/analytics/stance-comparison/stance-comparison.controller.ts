import { Controller, Get, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { TopicComparison } from '@domain/analytics';
import type { StanceInForce } from '@domain/positions';
import { Clock } from '../../infrastructure/clock';

import { resolveAsOf } from '../../positions/shared/as-of.request';

import { CatalogueChecks } from '../../positions/shared/catalogue-checks';

import { decodeCursor, pageOf } from '../../infrastructure/http/page-cursor';

import { StanceComparisonQuery } from './stance-comparison.query';

import { StanceComparisonRequest } from './stance-comparison.request';

import { ComparisonPageResponse } from '../shared/analytics.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

type ComparisonKey = [number, string];

@ApiTags('analytics')
@Controller('v1/compare')
export class StanceComparisonController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Where actors agree, oppose or one is hedged or silent, per topic, furthest apart first',
  })
  @ApiErrors('ACTOR.NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: 'Topics by distance, then id, a page at a time',
    type: ComparisonPageResponse,
  })
  async compare(@Query() query: StanceComparisonRequest) {
    const { at, knownAt } = resolveAsOf(query, this.clock.now());
    const key = decodeCursor<ComparisonKey>(query.after, 'compare', ['number', 'string']);
    for (const actorId of query.actors) await this.checks.actorExists(actorId);
    const topics = await this.queries.execute(new StanceComparisonQuery(query.actors, at, knownAt));
    const page = pageOf(
      'compare',
      topics,
      (topic: TopicComparison<StanceInForce>) => [topic.distance, topic.topicId],
      (topic) => !key || topic.distance < key[0] || (topic.distance === key[0] && topic.topicId > key[1]),
      query.limit ?? 100,
    );
    return { actors: query.actors, at: at.toISOString(), knownAt: knownAt.toISOString(), ...page };
  }
}
