import { Body, Controller, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { IdempotencyInterceptor } from '../../infrastructure/http/idempotency.interceptor';
import {
  RequestMetadata,
  WriteConditions,
  type WriteConditionsValue,
} from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { AddSourceCommand } from '../add-source/add-source.command';
import { AddSourceRequest } from '../add-source/add-source.request';
import { CorrectPositionCommand } from '../correct-position/correct-position.command';
import { CorrectPositionRequest } from '../correct-position/correct-position.request';
import { RetractPositionCommand } from '../retract-position/retract-position.command';
import { RetractPositionRequest } from '../retract-position/retract-position.request';
import type { PositionWriteResult } from '../shared/position-write.result';
import { PositionParams } from '../shared/position-params';
import { WithdrawPositionCommand } from '../withdraw-position/withdraw-position.command';
import { WithdrawPositionRequest } from '../withdraw-position/withdraw-position.request';

type ChangeCommand =
  AddSourceCommand | WithdrawPositionCommand | CorrectPositionCommand | RetractPositionCommand;

/**
 * The four changes to a recorded position share their route shape, keys, headers and answer, so they share
 * one controller; each keeps its own request, command and handler in its use-case folder.
 */
@ApiTags('positions')
@Controller('v1/actors/:actorId/positions/:positionId')
@RequiresRole('editor')
@UseInterceptors(IdempotencyInterceptor)
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The actor stream revision you expect (409 when stale).',
})
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key and body: same answer, no new event.',
})
export class PositionChangesController {
  constructor(private readonly commands: CommandBus) {}

  private async execute(command: ChangeCommand, response: FastifyReply) {
    const result: PositionWriteResult = await this.commands.execute(command);
    response.status(result.appended ? 201 : 200);
    return { positionId: result.positionId, revision: result.revision, recordedAt: result.recordedAt };
  }

  @Post('sources')
  @ApiResponse({
    status: 201,
    description: 'The source is added',
    example: {
      positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
      revision: '14',
      recordedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: 'Add another outlet that reported the same statement' })
  addSource(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: AddSourceRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.execute(new AddSourceCommand(actorId, positionId, body, metadata, conditions), response);
  }

  @Post('withdrawal')
  @ApiResponse({
    status: 201,
    description: 'The withdrawal is recorded',
    example: {
      positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
      revision: '14',
      recordedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: 'Record that the actor walked the position back, from a valid time' })
  withdraw(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: WithdrawPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.execute(
      new WithdrawPositionCommand(actorId, positionId, body, metadata, conditions),
      response,
    );
  }

  @Post('correction')
  @ApiResponse({
    status: 201,
    description: 'The correction is recorded',
    example: {
      positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
      revision: '14',
      recordedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: 'Correct fields our record got wrong, from the correction’s record time on' })
  correct(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: CorrectPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.execute(
      new CorrectPositionCommand(actorId, positionId, body, metadata, conditions),
      response,
    );
  }

  @Post('retraction')
  @ApiResponse({
    status: 201,
    description: 'The retraction is recorded',
    example: {
      positionId: '0d1636f1-bf8f-5b25-bb13-cc8180716155',
      revision: '14',
      recordedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: 'Retract a record that should never have existed' })
  retract(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: RetractPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.execute(
      new RetractPositionCommand(actorId, positionId, body, metadata, conditions),
      response,
    );
  }
}
