import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PositionNotFoundError } from '@domain/positions';
import { PositionParams } from '../shared/position-params';
import { PositionDetailQuery } from './position-detail.query';

@ApiTags('positions')
@Controller('v1/actors/:actorId/positions/:positionId')
export class PositionDetailController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'One position as it stands now, with every change made to it' })
  async detail(@Param() { actorId, positionId }: PositionParams) {
    const detail = await this.queries.execute(new PositionDetailQuery(actorId, positionId));
    if (!detail) throw new PositionNotFoundError(actorId, positionId);
    return detail;
  }
}
