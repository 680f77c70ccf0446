import { Injectable } from '@nestjs/common';
import {
  reviewQueueProjection,
  type QuotationAccepted,
  type QuotationRejected,
  type QuotationsExtracted,
} from '@domain/articles';
import { handledBy } from '@domain/shared/projection';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import { withStagedRows } from '../../infrastructure/database/staged-copy';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../../infrastructure/read-models/projection';
import { reviewItemsTable } from './review-items.table';

/** Quotations that extraction was not sure of, and what editors decided about them. */
@Injectable()
export class ReviewQueueProjector extends Projection {
  readonly name = reviewQueueProjection.name;
  readonly tables = [reviewItemsTable.name];

  handles(event: RecordedEvent): boolean {
    return handledBy(reviewQueueProjection, event);
  }

  async apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    const table = tables[reviewItemsTable.name];
    const { written } = reviewItemsTable;
    for (const recorded of events) {
      const change = reviewQueueProjection.evolve(
        recorded as unknown as QuotationsExtracted | QuotationAccepted | QuotationRejected,
      );
      switch (change.kind) {
        case 'queued': {
          if (change.quotations.length === 0) break;
          await withStagedRows(
            tx,
            table,
            written,
            change.quotations.map((quotation) =>
              reviewItemsTable.encode({ article: change.article, quotation }),
            ),
            (source) =>
              `INSERT INTO ${table} (${written.join(', ')}) SELECT ${written.join(', ')} FROM ${source}
               ON CONFLICT (quotation_id) DO NOTHING`,
          );
          break;
        }
        case 'accepted':
          await tx.query(
            `UPDATE ${table} SET status = 'accepted', reviewed_at = $2, position_id = $3 WHERE quotation_id = $1`,
            [change.quotationId, change.reviewedAt, change.positionId],
          );
          break;
        case 'rejected':
          await tx.query(
            `UPDATE ${table} SET status = 'rejected', reviewed_at = $2, rejection_reason = $3 WHERE quotation_id = $1`,
            [change.quotationId, change.reviewedAt, change.reason],
          );
          break;
      }
    }
  }
}
