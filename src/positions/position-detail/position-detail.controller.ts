import { Controller, Get, Param } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { PositionNotFoundError } from '@domain/positions';

import { PositionParams } from '../shared/position-params.request';

import { PositionDetailQuery } from './position-detail.query';

import { PositionDetailResponse } from '../shared/stance.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('positions')
@Controller('v1/actors/:actorId/positions/:positionId')
export class PositionDetailController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'One position as it stands now, with every change made to it' })
  @ApiErrors('POSITION.NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: 'The position as it stands, with every change',
    type: PositionDetailResponse,
  })
  async detail(@Param() { actorId, positionId }: PositionParams) {
    const detail = await this.queries.execute(new PositionDetailQuery(actorId, positionId));
    if (!detail) throw new PositionNotFoundError(actorId, positionId);
    return detail;
  }
}
