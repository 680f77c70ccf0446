import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActorNotFoundError } from '@domain/actors';
import { decodeKeyCursor, encodeKeyCursor, PageRequest } from '../../infrastructure/http/page.request';
import { ActorParams } from '../../positions/shared/position-params';
import { ActorCatalogueQuery } from './actor-catalogue.query';
import { STARMER_ACTOR } from '../actor.examples';

@ApiTags('actors')
@Controller('v1/actors')
export class ActorCatalogueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: 'A page of actors',
    example: {
      items: [
        {
          ...STARMER_ACTOR,
        },
      ],
      next: 'a2Vpci1zdGFybWVy',
    },
  })
  @ApiOperation({ summary: 'Actors, by id, a page at a time' })
  async list(@Query() page: PageRequest) {
    const limit = page.limit ?? 100;
    const items = await this.queries.execute(
      new ActorCatalogueQuery({ after: decodeKeyCursor(page.after), limit }),
    );
    return { items, next: items.length === limit ? encodeKeyCursor(items[items.length - 1].id) : null };
  }

  @Get(':actorId')
  @ApiResponse({
    status: 200,
    description: 'The actor',
    example: STARMER_ACTOR,
  })
  @ApiOperation({ summary: 'One actor with aliases and dated roles' })
  async one(@Param() { actorId }: ActorParams) {
    const [actor] = await this.queries.execute(new ActorCatalogueQuery({ actorId }));
    if (!actor) throw new ActorNotFoundError(actorId);
    return actor;
  }
}
