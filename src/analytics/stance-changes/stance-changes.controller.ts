import { Controller, Get, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../infrastructure/clock';

import { CatalogueChecks } from '../../positions/shared/catalogue-checks';

import { decodeCursor, encodeCursor } from '../../infrastructure/http/page-cursor';

import { StanceChangesQuery } from './stance-changes.query';

import { StanceChangesRequest } from './stance-changes.request';

import { StanceChangesPageResponse } from '../shared/analytics.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('analytics')
@Controller('v1/changes')
export class StanceChangesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'What changed in force between two valid times, per actor and topic, as known at `knownAt`',
  })
  @ApiErrors('ACTOR.NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: 'Changes by actor and topic, a page at a time',
    type: StanceChangesPageResponse,
  })
  async changes(@Query() query: StanceChangesRequest) {
    const knownAt = query.knownAt ? new Date(query.knownAt) : this.clock.now();
    const key = decodeCursor<[string, string]>(query.after, 'changes', ['string', 'string']);
    if (query.actor) await this.checks.actorExists(query.actor);
    const limit = query.limit ?? 100;
    const items = await this.queries.execute(
      new StanceChangesQuery(
        new Date(query.from),
        new Date(query.to),
        knownAt,
        { actorId: query.actor, topicId: query.topic },
        key,
        limit,
      ),
    );
    const last = items[items.length - 1];
    return {
      from: new Date(query.from).toISOString(),
      to: new Date(query.to).toISOString(),
      knownAt: knownAt.toISOString(),
      items,
      next: items.length === limit ? encodeCursor('changes', [last.actorId, last.topicId]) : null,
    };
  }
}
