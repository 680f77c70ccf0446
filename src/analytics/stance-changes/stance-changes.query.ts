import { Query } from '@nestjs/cqrs';
import type { ChangeKind } from '@domain/analytics';
import type { FlipRating, StanceInForce } from '@domain/positions';

export type StanceChangeView = {
  actorId: string;
  topicId: string;
  kind: ChangeKind;
  before: StanceInForce | null;
  after: StanceInForce | null;
  rating: FlipRating;
};

/** Changes ordered by (actorId, topicId), strictly after `afterKey`. */
export class StanceChangesQuery extends Query<StanceChangeView[]> {
  constructor(
    readonly from: Date,
    readonly to: Date,
    readonly knownAt: Date,
    readonly filter: { actorId?: string; topicId?: string },
    readonly afterKey: [string, string] | null,
    readonly limit: number,
  ) {
    super();
  }
}
