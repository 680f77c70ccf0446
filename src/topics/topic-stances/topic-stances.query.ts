import { Query } from '@nestjs/cqrs';
import type { StanceInForce } from '@domain/positions';

export class TopicStancesQuery extends Query<StanceInForce[]> {
  constructor(
    readonly topicId: string,
    readonly at: Date,
    readonly knownAt: Date,
  ) {
    super();
  }
}
