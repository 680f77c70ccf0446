import { Query } from '@nestjs/cqrs';
import type { StanceInForce } from '@domain/positions';

export type QuotationHit = {
  rank: number;
  /** The fragments that matched, with `<mark>`…`</mark>` around each matching word. */
  highlights: { quote: string | null; summary: string };
  position: Omit<StanceInForce, 'sources'> & { outlets: string[] };
};

export type QuotationFilter = {
  q: string;
  knownAt: Date;
  actorId?: string;
  topicId?: string;
  from?: Date;
  to?: Date;
};

/** Hits by rank, then position id, strictly after `afterKey` ([rank as text, positionId]). */
export class QuotationSearchQuery extends Query<(QuotationHit & { rankKey: string })[]> {
  constructor(
    readonly filter: QuotationFilter,
    readonly afterKey: [string, string] | null,
    readonly limit: number,
  ) {
    super();
  }
}
