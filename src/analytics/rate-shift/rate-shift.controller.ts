import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { IdempotencyInterceptor } from '../../infrastructure/http/idempotency.interceptor';
import {
  RequestMetadata,
  WriteConditions,
  type WriteConditionsValue,
} from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { RATE_SHIFT_EXAMPLE } from '../shared/analytics.examples';
import { RateShiftCommand } from './rate-shift.command';
import { RateShiftRequest, ShiftParams } from './rate-shift.request';

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
  @ApiCreatedResponse({ description: 'The override is recorded', example: RATE_SHIFT_EXAMPLE })
  async rate(
    @Param() { actorId, shiftId }: ShiftParams,
    @Body() body: RateShiftRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
  ) {
    const result = await this.commands.execute(
      new RateShiftCommand(actorId, shiftId, body, metadata, conditions),
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
