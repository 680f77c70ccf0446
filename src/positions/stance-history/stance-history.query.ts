import { Query } from '@nestjs/cqrs';
import type { StanceHistoryEntry } from './stance-history.view';

export class StanceHistoryQuery extends Query<StanceHistoryEntry[]> {
  constructor(
    readonly actorId: string,
    readonly topicId: string,
    readonly knownAt: Date,
  ) {
    super();
  }
}
