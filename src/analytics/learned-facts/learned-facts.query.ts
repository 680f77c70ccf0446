import { Query } from '@nestjs/cqrs';
import type { LearnedFact } from './learned-fact.view';

/** Facts recorded in (from, to], by record time then record order, strictly after `afterKey`. */
export class LearnedFactsQuery extends Query<LearnedFact[]> {
  constructor(
    readonly from: Date,
    readonly to: Date,
    readonly afterKey: [string, number] | null,
    readonly limit: number,
  ) {
    super();
  }
}
