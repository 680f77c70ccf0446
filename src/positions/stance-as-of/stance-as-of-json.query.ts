import { Query } from '@nestjs/cqrs';

/** StanceAsOfQuery's answer as UTF-8 JSON, one object per stance and without actorId: what the HTTP routes write out. */
export class StanceAsOfJsonQuery extends Query<Uint8Array[]> {
  constructor(
    readonly actorId: string,
    readonly at: Date,
    readonly knownAt: Date,
    readonly topicId?: string,
  ) {
    super();
  }
}
