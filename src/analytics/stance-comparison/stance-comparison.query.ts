import { Query } from '@nestjs/cqrs';
import type { TopicComparison } from '@domain/analytics';
import type { StanceInForce } from '@domain/positions';

export class StanceComparisonQuery extends Query<TopicComparison<StanceInForce>[]> {
  constructor(
    readonly actorIds: string[],
    readonly at: Date,
    readonly knownAt: Date,
  ) {
    super();
  }
}
