import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { stanceJson } from '../shared/stance-json';
import { LiveStanceIndex } from '../stance-index/live-stance-index';
import { StanceAsOfJsonQuery } from './stance-as-of-json.query';
import { StanceAsOfSql } from './stance-as-of.sql';

/** The index renders each stance as JSON straight from its rows: written out as it is, never parsed and serialised again. */
@QueryHandler(StanceAsOfJsonQuery)
export class StanceAsOfJsonHandler implements IQueryHandler<StanceAsOfJsonQuery> {
  constructor(
    private readonly index: LiveStanceIndex,
    private readonly sql: StanceAsOfSql,
  ) {}

  async execute({ actorId, at, knownAt, topicId }: StanceAsOfJsonQuery): Promise<Uint8Array[]> {
    const rendered = this.index.renderedStancesOf(actorId, { at, knownAt }, topicId);
    if (rendered) return rendered;
    const stances = await this.sql.stancesOf(actorId, { at, knownAt }, topicId);
    return stances.map((stance) => Buffer.from(stanceJson(stance)));
  }
}
