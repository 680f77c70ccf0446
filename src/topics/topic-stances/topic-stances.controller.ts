import { Controller, Get, Param, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { Clock } from '../../infrastructure/clock';

import { AsOfRequest, resolveAsOf } from '../../positions/shared/as-of.request';

import { CatalogueChecks } from '../../positions/shared/catalogue-checks';

import { TopicParams } from '../topic-params.request';

import { TopicStancesQuery } from './topic-stances.query';

import { TopicStancesResponse } from '../../positions/shared/stance.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('stances')
@Controller('v1/topics/:topicId/stances')
export class TopicStancesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiOperation({ summary: "Every actor's stance on a topic, in force at `at`, as known at `knownAt`" })
  @ApiErrors('TOPIC.NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: "Each actor's stance in force on the topic",
    type: TopicStancesResponse,
  })
  async stances(@Param() { topicId }: TopicParams, @Query() query: AsOfRequest) {
    const { at, knownAt } = resolveAsOf(query, this.clock.now());
    const stances = await this.queries.execute(new TopicStancesQuery(topicId, at, knownAt));
    if (stances.length === 0) await this.checks.topicExists(topicId);
    return {
      topicId,
      at: at.toISOString(),
      knownAt: knownAt.toISOString(),
      stances: stances.map(({ topicId: _, ...stance }) => stance),
    };
  }
}
