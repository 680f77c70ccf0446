import { Injectable } from '@nestjs/common';
import { type ArticleEvent, isArticleEvent } from '@domain/articles';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../../infrastructure/read-models/projection';

const COLUMNS = `quotation_id text, article_id text, outlet text, published_on date, quote text, span_start integer,
  span_end integer, speaker_id text, speaker_name text, speaker_kind text, said_on date, topic_id text, stance text,
  confidence double precision, reasons jsonb, status text, queued_at timestamptz`;
const NAMES = COLUMNS.split(',').map((column) => column.trim().split(' ')[0]);

/** Quotations that extraction was not sure of, and what editors decided about them. */
@Injectable()
export class ReviewQueueProjector extends Projection {
  readonly name = 'review-queue';
  readonly tables = ['review_items'];

  handles(event: RecordedEvent): boolean {
    return isArticleEvent(event) && event.type !== 'ArticleSubmitted';
  }

  async apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    const table = tables.review_items;
    for (const recorded of events) {
      const event = recorded as unknown as ArticleEvent;
      switch (event.type) {
        case 'ArticleSubmitted':
          break;
        case 'QuotationsExtracted': {
          const rows = event.data.quotations
            .filter((quotation) => quotation.disposition.kind === 'review')
            .map((quotation) => ({
              quotation_id: quotation.quotationId,
              article_id: event.data.articleId,
              outlet: event.data.outlet,
              published_on: event.data.publishedOn,
              quote: quotation.quote,
              span_start: quotation.start,
              span_end: quotation.end,
              speaker_id: quotation.speaker?.actorId ?? null,
              speaker_name: quotation.speaker?.name ?? null,
              speaker_kind: quotation.speaker?.kind ?? null,
              said_on: quotation.saidOn,
              topic_id: quotation.topicId,
              stance: quotation.stance,
              confidence: quotation.confidence,
              reasons: quotation.disposition.kind === 'review' ? quotation.disposition.reasons : [],
              status: 'pending',
              queued_at: event.data.recordedAt,
            }));
          if (rows.length === 0) break;
          await tx.query(
            `INSERT INTO ${table} (${NAMES.join(', ')})
             SELECT ${NAMES.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS})
             ON CONFLICT (quotation_id) DO NOTHING`,
            [JSON.stringify(rows)],
          );
          break;
        }
        case 'QuotationAccepted':
          await tx.query(
            `UPDATE ${table} SET status = 'accepted', reviewed_at = $2, position_id = $3 WHERE quotation_id = $1`,
            [event.data.quotationId, event.data.recordedAt, event.data.disposition.positionId],
          );
          break;
        case 'QuotationRejected':
          await tx.query(
            `UPDATE ${table} SET status = 'rejected', reviewed_at = $2, rejection_reason = $3 WHERE quotation_id = $1`,
            [event.data.quotationId, event.data.recordedAt, event.data.reason],
          );
          break;
      }
    }
  }
}
