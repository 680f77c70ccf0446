import { Controller, Get, Param, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { Clock } from '../../infrastructure/clock';

import { decodeCursor } from '../../infrastructure/http/page-cursor';

import { CatalogueChecks } from '../shared/catalogue-checks';

import { ActorParams } from '../shared/position-params.request';

import { ActorHistoryQuery } from './actor-history.query';

import { ActorHistoryRequest } from './actor-history.request';

import { ActorHistoryPageResponse } from '../shared/stance.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

/** PostgreSQL's text of a timestamptz, as the handler puts it in the cursor. */
const RECORD_TIME_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

@ApiTags('stances')
@Controller('v1/actors/:actorId/history')
export class ActorHistoryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every version of every position of an actor, on every topic, with valid and record times',
  })
  @ApiErrors('ACTOR.NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: 'Every version of every position, in record order, a page at a time',
    type: ActorHistoryPageResponse,
  })
  async history(@Param() { actorId }: ActorParams, @Query() query: ActorHistoryRequest) {
    const knownAt = query.knownAt ? new Date(query.knownAt) : this.clock.now();
    const after = decodeCursor<[string, string]>(
      query.after,
      'history',
      ['string', 'string'],
      ([from, id]) => RECORD_TIME_TEXT.test(from) && /^\d{1,19}$/.test(id),
    );
    await this.checks.actorExists(actorId);
    const page = await this.queries.execute(
      new ActorHistoryQuery(actorId, knownAt, query.topic, after, query.limit ?? 100),
    );
    return { actorId, knownAt: knownAt.toISOString(), ...page };
  }
}
