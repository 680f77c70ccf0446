import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../infrastructure/clock';
import { CatalogueChecks } from '../shared/catalogue-checks';
import { StanceParams } from '../stance-as-of/stance-as-of.request';
import { StanceHistoryQuery } from './stance-history.query';
import { StanceHistoryRequest } from './stance-history.request';

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
  async history(@Param() { actorId, topicId }: StanceParams, @Query() query: StanceHistoryRequest) {
    const knownAt = query.knownAt ? new Date(query.knownAt) : this.clock.now();
    await this.checks.actorExists(actorId);
    await this.checks.topicExists(topicId);
    const entries = await this.queries.execute(new StanceHistoryQuery(actorId, topicId, knownAt));
    return { actorId, topicId, knownAt: knownAt.toISOString(), entries };
  }
}
