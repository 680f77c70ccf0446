import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../infrastructure/clock';
import { AsOfRequest, resolveAsOf } from '../../positions/shared/as-of.request';
import { CatalogueChecks } from '../../positions/shared/catalogue-checks';
import { TopicParams } from '../topic-params';
import { TopicStancesQuery } from './topic-stances.query';
import { TRUMP_US_GUARANTEE_STANCE } from '../../positions/shared/stance.examples';

@ApiTags('stances')
@Controller('v1/topics/:topicId/stances')
export class TopicStancesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: "Each actor's stance in force",
    example: {
      topicId: 'ukraine.security-guarantees.us',
      at: '2025-02-27T00:00:00.000Z',
      knownAt: '2025-03-01T00:00:00.000Z',
      stances: [
        {
          actorId: 'donald-trump',
          ...TRUMP_US_GUARANTEE_STANCE,
          recordedAt: '2025-02-28T09:00:00.000Z',
        },
      ],
    },
  })
  @ApiOperation({ summary: "Every actor's stance on a topic, in force at `at`, as known at `knownAt`" })
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
