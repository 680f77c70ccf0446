import { Query } from '@nestjs/cqrs';
import type { PositionDetailView } from './position-detail.view';

export class PositionDetailQuery extends Query<PositionDetailView | null> {
  constructor(
    readonly actorId: string,
    readonly positionId: string,
  ) {
    super();
  }
}
