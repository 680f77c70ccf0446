import { Controller, Get, Param, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { ActorNotFoundError } from '@domain/actors';

import { decodeCursor, encodeCursor } from '../../infrastructure/http/page-cursor';
import { PageRequest } from '../../infrastructure/http/page.request';

import { ActorParams } from '../../positions/shared/position-params.request';

import { ActorCatalogueQuery } from './actor-catalogue.query';

import { ActorPageResponse, ActorResponse } from './actor.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('actors')
@Controller('v1/actors')
export class ActorCatalogueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Actors, by id, a page at a time' })
  @ApiResponse({ status: 200, description: 'A page of actors', type: ActorPageResponse })
  async list(@Query() page: PageRequest) {
    const limit = page.limit ?? 100;
    const items = await this.queries.execute(
      new ActorCatalogueQuery({
        after: decodeCursor<[string]>(page.after, 'actors', ['string'])?.[0] ?? '',
        limit,
      }),
    );
    return {
      items,
      next: items.length === limit ? encodeCursor('actors', [items[items.length - 1].id]) : null,
    };
  }

  @Get(':actorId')
  @ApiOperation({ summary: 'One actor with aliases and dated roles' })
  @ApiResponse({ status: 200, description: 'The actor', type: ActorResponse })
  @ApiErrors('ACTOR.NOT_FOUND')
  async one(@Param() { actorId }: ActorParams) {
    const [actor] = await this.queries.execute(new ActorCatalogueQuery({ actorId }));
    if (!actor) throw new ActorNotFoundError(actorId);
    return actor;
  }
}
