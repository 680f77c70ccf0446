import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PositionNotFoundError } from '@domain/positions';
import { PositionParams } from '../shared/position-params';
import { PositionDetailQuery } from './position-detail.query';

@ApiTags('positions')
@Controller('v1/actors/:actorId/positions/:positionId')
export class PositionDetailController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: 'The position',
    example: {
      actorId: 'donald-trump',
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
      status: 'stated',
      withdrawnAt: null,
      history: [{ change: 'stated', recordedAt: '2025-02-28T09:00:00.000Z', reason: null }],
      firstRecordedAt: '2025-02-28T09:00:00.000Z',
      lastRecordedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: 'One position as it stands now, with every change made to it' })
  async detail(@Param() { actorId, positionId }: PositionParams) {
    const detail = await this.queries.execute(new PositionDetailQuery(actorId, positionId));
    if (!detail) throw new PositionNotFoundError(actorId, positionId);
    return detail;
  }
}
