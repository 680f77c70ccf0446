import { Query } from '@nestjs/cqrs';
import type { ActorView } from './actor.view';

export class ActorCatalogueQuery extends Query<ActorView[]> {
  constructor(readonly filter: { actorId?: string; after?: string; limit?: number }) {
    super();
  }
}
