import { Body, Controller, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { IdempotencyInterceptor } from '../../infrastructure/http/idempotency.interceptor';
import {
  RequestMetadata,
  WriteConditions,
  type WriteConditionsValue,
} from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { PositionParams } from '../shared/position-params';
import { RetractPositionCommand } from './retract-position.command';
import { RetractPositionRequest } from './retract-position.request';

@ApiTags('positions')
@Controller('v1/actors/:actorId/positions/:positionId')
export class RetractPositionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('retraction')
  @RequiresRole('editor')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Retract a record that should never have existed' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The actor stream revision you expect (409 when stale).',
  })
  async handle(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: RetractPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute(
      new RetractPositionCommand(actorId, positionId, body, metadata, conditions),
    );
    response.status(result.appended ? 201 : 200);
    return { positionId: result.positionId, revision: result.revision, recordedAt: result.recordedAt };
  }
}
