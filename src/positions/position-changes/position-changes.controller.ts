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
import { CorrectPositionRequest, toCorrection } from '../correct-position/correct-position.request';
import { RetractPositionCommand } from '../retract-position/retract-position.command';
import { RetractPositionRequest, toRetraction } from '../retract-position/retract-position.request';
import type { PositionWriteResult } from '../shared/position-write.result';
import { PositionParams } from '../shared/position-params.request';
import { WithdrawPositionCommand } from '../withdraw-position/withdraw-position.command';
import { WithdrawPositionRequest, toWithdrawal } from '../withdraw-position/withdraw-position.request';
import { toSource } from '../shared/source.request';
import { PositionWriteResponse } from '../shared/stance.response';
import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

type ChangeCommand =
  AddSourceCommand | WithdrawPositionCommand | CorrectPositionCommand | RetractPositionCommand;

/**
 * The four changes to a recorded position share their route shape, keys, headers and answer, so they share
 * one controller; each keeps its own request, command and handler in its use-case folder.
 */
/** What any change to a stated position can meet: the actor or position missing or retracted, a stale write. */
const CHANGE_ERRORS = [
  'ACTOR.NOT_FOUND',
  'POSITION.NOT_FOUND',
  'POSITION.RETRACTED',
  'POSITION.RECORDED_BEFORE_LAST_CHANGE',
  'EVENT_STORE.CONCURRENCY_CONFLICT',
] as const;

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
  @ApiOperation({ summary: 'Add another outlet that reported the same statement' })
  @ApiErrors(...CHANGE_ERRORS, 'POSITION.DUPLICATE_SOURCE', 'POSITION.SPAN_INVALID')
  @ApiResponse({ status: 201, description: 'Source added', type: PositionWriteResponse })
  addSource(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: AddSourceRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.execute(
      new AddSourceCommand(actorId, positionId, toSource(body), metadata, conditions),
      response,
    );
  }

  @Post('withdrawal')
  @ApiOperation({ summary: 'Record that the actor walked the position back, from a valid time' })
  @ApiErrors(
    ...CHANGE_ERRORS,
    'POSITION.ALREADY_WITHDRAWN',
    'POSITION.WITHDRAWAL_BEFORE_STATEMENT',
    'POSITION.WITHDRAWAL_AFTER_RECORDED',
  )
  @ApiResponse({ status: 201, description: 'Withdrawn', type: PositionWriteResponse })
  withdraw(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: WithdrawPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.execute(
      new WithdrawPositionCommand(actorId, positionId, toWithdrawal(body), metadata, conditions),
      response,
    );
  }

  @Post('correction')
  @ApiOperation({ summary: 'Correct fields our record got wrong, from the correction’s record time on' })
  @ApiErrors(
    ...CHANGE_ERRORS,
    'TOPIC.UNKNOWN',
    'POSITION.CORRECTION_CHANGES_NOTHING',
    'POSITION.STATED_AFTER_RECORDED',
    'POSITION.STATED_AFTER_WITHDRAWAL',
    'POSITION.QUOTE_REQUIRED',
    'POSITION.CONDITIONS_REQUIRED',
    'POSITION.CONDITIONS_NOT_ALLOWED',
    'POSITION.CONFIDENCE_OUT_OF_RANGE',
  )
  @ApiResponse({ status: 201, description: 'Corrected', type: PositionWriteResponse })
  correct(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: CorrectPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.execute(
      new CorrectPositionCommand(actorId, positionId, toCorrection(body), metadata, conditions),
      response,
    );
  }

  @Post('retraction')
  @ApiOperation({ summary: 'Retract a record that should never have existed' })
  @ApiErrors(...CHANGE_ERRORS)
  @ApiResponse({ status: 201, description: 'Retracted', type: PositionWriteResponse })
  retract(
    @Param() { actorId, positionId }: PositionParams,
    @Body() body: RetractPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.execute(
      new RetractPositionCommand(actorId, positionId, toRetraction(body), metadata, conditions),
      response,
    );
  }
}
