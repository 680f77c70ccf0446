import { Injectable } from '@nestjs/common';
import {
  evolvePositionDetail,
  isPositionEvent,
  type PositionDetail,
  type PositionEvent,
} from '@domain/positions';
import type { SqlExecutor } from '../../infrastructure/database/sql-client';
import type { RecordedEvent } from '../../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../../infrastructure/read-models/projection';

const COLUMNS = `position_id text, actor_id text, topic_id text, status text, stance text, score double precision,
  conditions jsonb, summary text, quote text, evidence_type text, stated_at timestamptz, stated_at_precision text,
  confidence double precision, sources jsonb, withdrawn_at timestamptz, history jsonb, first_recorded_at timestamptz,
  last_recorded_at timestamptz`;
const NAMES = COLUMNS.split(',').map((column) => column.trim().split(' ')[0]);

/** The position as it stands now, with its change history; the fold is the domain's. */
@Injectable()
export class PositionDetailsProjector extends Projection {
  readonly name = 'position-details';
  readonly tables = ['position_details'];

  handles(event: RecordedEvent): boolean {
    return isPositionEvent(event);
  }

  async apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    const table = tables.position_details;
    const ids = [...new Set(events.map((event) => (event.data as PositionEvent['data']).positionId))];
    const rows = await tx.query<{ detail: PositionDetail }>(
      `SELECT jsonb_build_object(
         'positionId', position_id, 'actorId', actor_id, 'topicId', topic_id, 'status', status, 'stance', stance,
         'score', score, 'conditions', conditions, 'summary', summary, 'quote', quote, 'evidenceType', evidence_type,
         'statedAt', to_jsonb(stated_at), 'statedAtPrecision', stated_at_precision, 'confidence', confidence,
         'sources', sources, 'withdrawnAt', to_jsonb(withdrawn_at), 'history', history,
         'firstRecordedAt', to_jsonb(first_recorded_at), 'lastRecordedAt', to_jsonb(last_recorded_at)) AS detail
       FROM ${table} WHERE position_id = ANY($1::text[])`,
      [ids],
    );
    const details = new Map<string, PositionDetail>(rows.map(({ detail }) => [detail.positionId, detail]));
    const changed = new Set<string>();
    for (const recorded of events) {
      const event = recorded as unknown as PositionEvent;
      const next = evolvePositionDetail(details.get(event.data.positionId) ?? null, event, recorded.revision);
      if (!next) continue;
      details.set(event.data.positionId, next);
      changed.add(event.data.positionId);
    }
    if (changed.size === 0) return;
    const records = [...changed].map((id) => {
      const detail = details.get(id) as PositionDetail;
      return {
        position_id: detail.positionId,
        actor_id: detail.actorId,
        topic_id: detail.topicId,
        status: detail.status,
        stance: detail.stance,
        score: detail.score,
        conditions: detail.conditions,
        summary: detail.summary,
        quote: detail.quote,
        evidence_type: detail.evidenceType,
        stated_at: detail.statedAt,
        stated_at_precision: detail.statedAtPrecision,
        confidence: detail.confidence,
        sources: detail.sources,
        withdrawn_at: detail.withdrawnAt,
        history: detail.history,
        first_recorded_at: detail.firstRecordedAt,
        last_recorded_at: detail.lastRecordedAt,
      };
    });
    await tx.query(
      `INSERT INTO ${table} (${NAMES.join(', ')}) SELECT ${NAMES.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS})
       ON CONFLICT (position_id) DO UPDATE SET ${NAMES.slice(1)
         .map((name) => `${name} = EXCLUDED.${name}`)
         .join(', ')}`,
      [JSON.stringify(records)],
    );
  }
}
