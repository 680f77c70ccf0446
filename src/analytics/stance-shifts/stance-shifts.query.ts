import { Query } from '@nestjs/cqrs';
import type { Shift } from '@domain/analytics';

/** Every shift of the actor's stances as known at `knownAt`, in valid-time order. */
export class StanceShiftsQuery extends Query<Shift[]> {
  constructor(
    readonly actorId: string,
    readonly knownAt: Date,
    readonly topicId?: string,
  ) {
    super();
  }
}
