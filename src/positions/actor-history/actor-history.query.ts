import { Query } from '@nestjs/cqrs';
import type { StanceHistoryEntry } from '../stance-history/stance-history.view';

export type ActorHistoryPage = { items: (StanceHistoryEntry & { versionId: string })[]; next: string | null };

export class ActorHistoryQuery extends Query<ActorHistoryPage> {
  constructor(
    readonly actorId: string,
    readonly knownAt: Date,
    readonly topicId: string | undefined,
    readonly after: [string, string] | null,
    readonly limit: number,
  ) {
    super();
  }
}
