import { Controller, Get, Param, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { Clock } from '../../infrastructure/clock';

import { CatalogueChecks } from '../shared/catalogue-checks';

import { StanceParams } from '../stance-as-of/stance-as-of.request';

import { StanceHistoryQuery } from './stance-history.query';

import { StanceHistoryRequest } from './stance-history.request';

import { StanceHistoryResponse } from '../shared/stance.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('stances')
@Controller('v1/actors/:actorId/stances/:topicId/history')
export class StanceHistoryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every position and change on a topic, with valid and record times' })
  @ApiErrors('ACTOR.NOT_FOUND', 'TOPIC.NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: 'Every version on the topic, with both times',
    type: StanceHistoryResponse,
  })
  async history(@Param() { actorId, topicId }: StanceParams, @Query() query: StanceHistoryRequest) {
    const knownAt = query.knownAt ? new Date(query.knownAt) : this.clock.now();
    await this.checks.actorExists(actorId);
    await this.checks.topicExists(topicId);
    const entries = await this.queries.execute(new StanceHistoryQuery(actorId, topicId, knownAt));
    return { actorId, topicId, knownAt: knownAt.toISOString(), entries };
  }
}
