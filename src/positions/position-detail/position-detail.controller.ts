import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PositionNotFoundError } from '@domain/positions';
import { PositionParams } from '../shared/position-params';
import { PositionDetailQuery } from './position-detail.query';
import { TRUMP_US_GUARANTEE_STANCE } from '../shared/stance.examples';

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
      ...TRUMP_US_GUARANTEE_STANCE,
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
