import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { toStanceView } from '../../positions/shared/stance.view';
import type { StanceTimelineRow } from '../../positions/stance-timeline/stance-timeline.row';
import { topicFilterSql } from '../shared/in-force.sql';
import { QuotationSearchQuery } from './quotation-search.query';

// Verbatim the expression of stance_timeline_search_idx (migration 0009), so the index serves the match.
const DOCUMENT = `(setweight(to_tsvector('english', coalesce(quote, '')), 'A') || setweight(to_tsvector('english', summary), 'B'))`;
const HEADLINE = `'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MinWords=5, MaxWords=20, FragmentDelimiter=" … "'`;

const SEARCH = `
  WITH hits AS (
    SELECT t.*, ts_rank_cd(${DOCUMENT}, query) AS rank, query
    FROM stance_timeline t, websearch_to_tsquery('english', $1) AS query
    WHERE ${DOCUMENT} @@ query
      AND NOT retracted
      AND recorded_from <= $2 AND (recorded_to IS NULL OR recorded_to > $2)
      AND ($3::text IS NULL OR actor_id = $3)
      AND ${topicFilterSql('$4')}
      AND ($5::timestamptz IS NULL OR stated_at >= $5)
      AND ($6::timestamptz IS NULL OR stated_at < $6)
  )
  SELECT *, rank::text AS rank_key,
    CASE WHEN quote IS NULL THEN NULL ELSE ts_headline('english', quote, query, ${HEADLINE}) END AS quote_headline,
    ts_headline('english', summary, query, ${HEADLINE}) AS summary_headline
  FROM hits
  WHERE $7::real IS NULL OR rank < $7::real OR (rank = $7::real AND position_id > $8)
  ORDER BY rank DESC, position_id
  LIMIT $9`;

type Row = StanceTimelineRow & {
  rank: number;
  rank_key: string;
  quote_headline: string | null;
  summary_headline: string;
};

@QueryHandler(QuotationSearchQuery)
export class QuotationSearchHandler implements IQueryHandler<QuotationSearchQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ filter, afterKey, limit }: QuotationSearchQuery) {
    const rows = await this.sql.query<Row>(SEARCH, [
      filter.q,
      filter.knownAt,
      filter.actorId ?? null,
      filter.topicId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      afterKey?.[0] ?? null,
      afterKey?.[1] ?? '',
      limit,
    ]);
    return rows.map((row) => {
      const { sources, ...position } = toStanceView(row);
      return {
        rank: Number(row.rank),
        rankKey: row.rank_key,
        highlights: { quote: row.quote_headline, summary: row.summary_headline },
        position: { ...position, outlets: [...new Set(sources.map((source) => source.outlet))] },
      };
    });
  }
}
