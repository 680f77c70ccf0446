import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../infrastructure/clock';
import { CatalogueChecks } from '../shared/catalogue-checks';
import { StanceParams } from '../stance-as-of/stance-as-of.request';
import { StanceHistoryQuery } from './stance-history.query';
import { StanceHistoryRequest } from './stance-history.request';
import { TRUMP_US_GUARANTEE_STANCE } from '../shared/stance.examples';

@ApiTags('stances')
@Controller('v1/actors/:actorId/stances/:topicId/history')
export class StanceHistoryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: 'Every version, both times',
    example: {
      actorId: 'donald-trump',
      topicId: 'ukraine.security-guarantees.us',
      knownAt: '2025-03-01T00:00:00.000Z',
      entries: [
        {
          topicId: 'ukraine.security-guarantees.us',
          ...TRUMP_US_GUARANTEE_STANCE,
          withdrawnAt: null,
          retracted: false,
          change: 'stated',
          reason: null,
          firstRecordedAt: '2025-02-28T09:00:00.000Z',
          recordedFrom: '2025-02-28T09:00:00.000Z',
          recordedTo: null,
        },
      ],
    },
  })
  @ApiOperation({ summary: 'Every position and change on a topic, with valid and record times' })
  async history(@Param() { actorId, topicId }: StanceParams, @Query() query: StanceHistoryRequest) {
    const knownAt = query.knownAt ? new Date(query.knownAt) : this.clock.now();
    await this.checks.actorExists(actorId);
    await this.checks.topicExists(topicId);
    const entries = await this.queries.execute(new StanceHistoryQuery(actorId, topicId, knownAt));
    return { actorId, topicId, knownAt: knownAt.toISOString(), entries };
  }
}
