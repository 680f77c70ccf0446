import { Body, Controller, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { IdempotencyInterceptor } from '../../infrastructure/http/idempotency.interceptor';
import {
  RequestMetadata,
  WriteConditions,
  type WriteConditionsValue,
} from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { ActorParams } from '../shared/position-params';
import { RecordPositionCommand } from './record-position.command';
import { RecordPositionRequest } from './record-position.request';

const POSITION_ID_NAMESPACE = '6f9a4a8e-2d0c-4c55-b0a5-3c1b1f0e7d21';

@ApiTags('positions')
@Controller('v1/actors/:actorId/positions')
export class RecordPositionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequiresRole('editor')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiResponse({
    status: 201,
    description: 'The recorded position',
    example: {
      positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
      revision: '14',
      recordedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: 'Record a position an actor stated, with its evidence' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body: same answer, no new event.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The actor stream revision you expect (409 when stale).',
  })
  async record(
    @Param() { actorId }: ActorParams,
    @Body() body: RecordPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const commandId = conditions.idempotencyKey
      ? `${metadata.recordedBy}:${actorId}:${conditions.idempotencyKey}`
      : undefined;
    const positionId = commandId ? uuidv5(commandId, POSITION_ID_NAMESPACE) : randomUUID();
    const result = await this.commands.execute(
      new RecordPositionCommand(actorId, positionId, body, metadata, { ...conditions, commandId }),
    );
    response.status(result.appended ? 201 : 200);
    return { positionId: result.positionId, revision: result.revision, recordedAt: result.recordedAt };
  }
}
