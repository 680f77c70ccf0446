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
import { CorrectPositionCommand } from './correct-position.command';
import { CorrectPositionRequest } from './correct-position.request';

@ApiTags('positions')
@Controller('v1/actors/:actorId/positions/:positionId')
export class CorrectPositionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('correction')
  @RequiresRole('editor')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Correct fields our record got wrong, from now on in record time' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The actor stream revision you expect (409 when stale).',
  })
  async handle(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: CorrectPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute(
      new CorrectPositionCommand(actorId, positionId, body, metadata, conditions),
    );
    response.status(result.appended ? 201 : 200);
    return { positionId: result.positionId, revision: result.revision, recordedAt: result.recordedAt };
  }
}
