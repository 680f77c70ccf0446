import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorNotFoundError } from '@domain/actors';
import { decodeKeyCursor, encodeKeyCursor, PageRequest } from '../../infrastructure/http/page.request';
import { ActorParams } from '../../positions/shared/position-params';
import { ActorCatalogueQuery } from './actor-catalogue.query';

@ApiTags('actors')
@Controller('v1/actors')
export class ActorCatalogueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Actors, by id, a page at a time' })
  async list(@Query() page: PageRequest) {
    const limit = page.limit ?? 100;
    const items = await this.queries.execute(
      new ActorCatalogueQuery({ after: decodeKeyCursor(page.after), limit }),
    );
    return { items, next: items.length === limit ? encodeKeyCursor(items[items.length - 1].id) : null };
  }

  @Get(':actorId')
  @ApiOperation({ summary: 'One actor with aliases and dated roles' })
  async one(@Param() { actorId }: ActorParams) {
    const [actor] = await this.queries.execute(new ActorCatalogueQuery({ actorId }));
    if (!actor) throw new ActorNotFoundError(actorId);
    return actor;
  }
}
