import { Body, Controller, ForbiddenException, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { AuthenticatedRequest } from '../../infrastructure/http/auth.guard';
import { errorBody } from '../../infrastructure/http/error-body';
import { IdempotencyInterceptor } from '../../infrastructure/http/idempotency.interceptor';
import {
  RequestMetadata,
  WriteConditions,
  type WriteConditionsValue,
} from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { ActorParams } from '../shared/position-params.request';
import { RecordPositionCommand } from './record-position.command';
import { RecordPositionRequest, toStatement } from './record-position.request';
import { PositionWriteResponse } from '../shared/stance.response';
import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('positions')
@Controller('v1/actors/:actorId/positions')
export class RecordPositionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequiresRole('editor')
  @UseInterceptors(IdempotencyInterceptor)
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
  @ApiErrors(
    'ACTOR.NOT_FOUND',
    'TOPIC.UNKNOWN',
    'EVENT_STORE.CONCURRENCY_CONFLICT',
    'POSITION.ID_CONFLICT',
    'POSITION.STATED_AFTER_RECORDED',
    'POSITION.QUOTE_REQUIRED',
    'POSITION.CONDITIONS_REQUIRED',
    'POSITION.CONDITIONS_NOT_ALLOWED',
    'POSITION.CONFIDENCE_OUT_OF_RANGE',
    'POSITION.SOURCE_REQUIRED',
    'POSITION.SPAN_INVALID',
    'POSITION.DUPLICATE_SOURCE',
    'POSITION.KNOWN_SINCE_IN_FUTURE',
  )
  @ApiResponse({ status: 201, description: 'Recorded', type: PositionWriteResponse })
  @ApiResponse({
    status: 200,
    description: 'A repeat (same Idempotency-Key and body): the stored answer, Idempotent-Replayed: true',
    type: PositionWriteResponse,
  })
  async record(
    @Param() { actorId }: ActorParams,
    @Body() body: RecordPositionRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    if (body.knownSince !== undefined && request.principal?.role !== 'admin') {
      throw new ForbiddenException(
        errorBody('AUTH.FORBIDDEN', 'Only an admin may backfill a record time (knownSince).', {
          field: 'knownSince',
          requiredRole: 'admin',
          role: request.principal?.role,
        }),
      );
    }
    const result = await this.commands.execute(
      new RecordPositionCommand(actorId, toStatement(body), metadata, {
        ...conditions,
        knownSince: body.knownSince === undefined ? undefined : new Date(body.knownSince),
      }),
    );
    response.status(result.appended ? 201 : 200);
    return { positionId: result.positionId, revision: result.revision, recordedAt: result.recordedAt };
  }
}
