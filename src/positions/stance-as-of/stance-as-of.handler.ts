import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LiveStanceIndex } from '../stance-index/live-stance-index';
import { StanceAsOfQuery } from './stance-as-of.query';
import { StanceAsOfSql } from './stance-as-of.sql';

/** From this process's stance index once it has loaded the log, from SQL before that (or when it is off). */
@QueryHandler(StanceAsOfQuery)
export class StanceAsOfHandler implements IQueryHandler<StanceAsOfQuery> {
  constructor(
    private readonly index: LiveStanceIndex,
    private readonly sql: StanceAsOfSql,
  ) {}

  async execute({ actorId, at, knownAt, topicId }: StanceAsOfQuery) {
    return (
      this.index.stancesOf(actorId, { at, knownAt }, topicId) ??
      this.sql.stancesOf(actorId, { at, knownAt }, topicId)
    );
  }
}
