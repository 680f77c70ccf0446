import { Query } from '@nestjs/cqrs';
import type { StanceInForce } from '@domain/positions';

/** The stances in force, by actor then topic, as batches read one after another (never the whole set at once). */
export class PositionExportQuery extends Query<AsyncIterable<StanceInForce[]>> {
  constructor(
    readonly at: Date,
    readonly knownAt: Date,
  ) {
    super();
  }
}
