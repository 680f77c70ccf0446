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
import { AddSourceCommand } from './add-source.command';
import { AddSourceRequest } from './add-source.request';

@ApiTags('positions')
@Controller('v1/actors/:actorId/positions/:positionId')
export class AddSourceController {
  constructor(private readonly commands: CommandBus) {}

  @Post('sources')
  @RequiresRole('editor')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Add another outlet that reported the same statement' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The actor stream revision you expect (409 when stale).',
  })
  async handle(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: AddSourceRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute(
      new AddSourceCommand(actorId, positionId, body, metadata, conditions),
    );
    response.status(result.appended ? 201 : 200);
    return { positionId: result.positionId, revision: result.revision, recordedAt: result.recordedAt };
  }
}
