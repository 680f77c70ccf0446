import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
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
          positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
          stance: 'conditional-opposition',
          score: -0.5,
          conditions: [
            {
              text: "Europe, as Ukraine's next-door neighbour, should provide them",
              topicId: 'ukraine.security-guarantees.europe',
            },
          ],
          summary:
            'At his Cabinet meeting Trump said the US would not give Ukraine security guarantees "beyond very much" and that Europe should do it.',
          quote: "I'm not going to make security guarantees beyond very much.",
          evidenceType: 'direct-quote',
          statedAt: '2025-02-26T00:00:00.000Z',
          statedAtPrecision: 'day',
          confidence: 0.95,
          sources: [
            {
              outlet: 'BBC News',
              articleId: '003_b93aada126a295ef',
              url: null,
              publishedOn: '2025-02-26',
              text: "I'm not going to make security guarantees beyond very much",
              span: { start: 1820, end: 1880 },
            },
          ],
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
