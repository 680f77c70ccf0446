import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { REVIEW_ITEM_COLUMNS, type ReviewItemRow, toReviewItemView } from '../review-queue/review-item.view';
import { ListReviewQuery } from './list-review.query';

@QueryHandler(ListReviewQuery)
export class ListReviewHandler implements IQueryHandler<ListReviewQuery> {
  constructor(private readonly sql: SqlClient) {}

  async execute({ filter }: ListReviewQuery) {
    const rows = await this.sql.query<ReviewItemRow>(
      `SELECT ${REVIEW_ITEM_COLUMNS} FROM review_items
       WHERE ($1::text = 'all' OR status = $1)
         AND ($2::text IS NULL OR article_id = $2)
         AND ($3::text IS NULL OR speaker_id = $3)
         AND ($4::timestamptz IS NULL OR (queued_at, quotation_id) > ($4::timestamptz, $5::text))
       ORDER BY queued_at, quotation_id
       LIMIT $6`,
      [
        filter.status,
        filter.articleId ?? null,
        filter.actorId ?? null,
        filter.after?.queuedAt ?? null,
        filter.after?.quotationId ?? null,
        filter.limit,
      ],
    );
    return rows.map(toReviewItemView);
  }
}
