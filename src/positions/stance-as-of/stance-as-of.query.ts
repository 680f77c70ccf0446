import { Query } from '@nestjs/cqrs';
import type { StanceInForce } from '@domain/positions';

/** `topicId` absent: every topic the actor holds a stance on. */
export class StanceAsOfQuery extends Query<StanceInForce[]> {
  constructor(
    readonly actorId: string,
    readonly at: Date,
    readonly knownAt: Date,
    readonly topicId?: string,
  ) {
    super();
  }
}
