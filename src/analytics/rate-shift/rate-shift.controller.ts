import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';

import { CommandBus } from '@nestjs/cqrs';

import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { IdempotencyInterceptor } from '../../infrastructure/http/idempotency.interceptor';

import {
  RequestMetadata,
  WriteConditions,
  type WriteConditionsValue,
} from '../../infrastructure/http/request-metadata.decorator';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { RateShiftCommand } from './rate-shift.command';

import { RateShiftRequest, ShiftParams, toDecision } from './rate-shift.request';

import { RateShiftResponse } from '../shared/analytics.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('analytics')
@Controller('v1/actors/:actorId/shifts/:shiftId/rating')
export class RateShiftController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequiresRole('editor')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: "Override a shift's flip rating (an editor's decision, recorded as an event)" })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body: same answer, no new event.',
  })
  @ApiErrors(
    'ACTOR.NOT_FOUND',
    'SHIFT.NOT_FOUND',
    'SHIFT.RATING_INVALID',
    'SHIFT.REASON_REQUIRED',
    'EVENT_STORE.CONCURRENCY_CONFLICT',
  )
  @ApiResponse({ status: 201, description: 'The override is recorded', type: RateShiftResponse })
  @ApiResponse({
    status: 200,
    description: 'A repeat (same Idempotency-Key and body): the stored answer',
    type: RateShiftResponse,
  })
  async rate(
    @Param() { actorId, shiftId }: ShiftParams,
    @Body() body: RateShiftRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
  ) {
    const result = await this.commands.execute(
      new RateShiftCommand(actorId, shiftId, toDecision(body), metadata, conditions),
    );
    return {
      actorId,
      shiftId,
      rating: body.rating,
      reason: body.reason.trim(),
      revision: result.revision,
      recordedAt: result.recordedAt,
    };
  }
}
