import { ApiProperty } from '@nestjs/swagger';
import type { Agreement, ChangeKind, RatingOverride, Shift, ShiftSide } from '@domain/analytics';
import type { FlipRating, Stance, StanceInForce } from '@domain/positions';
import {
  ConditionResponse,
  StanceCoreResponse,
  StanceFieldsResponse,
} from '../../positions/shared/stance.response';
import { type LearnedFact, LEARNED_KIND_VALUES, type LearnedKind } from '../learned-facts/learned-fact.view';
import type { QuotationHit } from '../quotation-search/quotation-search.query';
import type { StanceChangeView } from '../stance-changes/stance-changes.query';

/** A stance in force, naming its actor and topic. */
export class StanceInForceResponse extends StanceFieldsResponse implements StanceInForce {
  actorId!: string;
  topicId!: string;
  /** Record time: when the position was first recorded (or, for a backfill, became known). */
  recordedAt!: string;
}

export class StanceChangeResponse implements StanceChangeView {
  actorId!: string;
  topicId!: string;
  kind!: ChangeKind;
  before!: StanceInForceResponse | null;
  after!: StanceInForceResponse | null;
  /** The Flip-O-Meter rating of the move. */
  rating!: FlipRating;
}

export class StanceChangesPageResponse {
  from!: string;
  to!: string;
  knownAt!: string;
  items!: StanceChangeResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

/** A stance in a comparison, without the actor and topic its place names. */
export class ComparedStanceFieldsResponse extends StanceFieldsResponse {
  recordedAt!: string;
}

export class ComparedActorResponse {
  actorId!: string;
  /** Null when the actor holds no stance on the topic. */
  stance!: ComparedStanceFieldsResponse | null;
}

export class TopicComparisonResponse {
  topicId!: string;
  agreement!: Agreement;
  /** Highest minus lowest score among the actors with one (hedged counts as 0): 0 to 2. */
  distance!: number;
  stances!: ComparedActorResponse[];
}

export class ComparisonPageResponse {
  actors!: string[];
  at!: string;
  knownAt!: string;
  items!: TopicComparisonResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

export class ShiftSideResponse implements ShiftSide {
  positionId!: string;
  stance!: Stance;
  score!: number | null;
  conditions!: ConditionResponse[];
  summary!: string;
  statedAt!: string;
}

export class RatingOverrideResponse implements RatingOverride {
  rating!: FlipRating;
  reason!: string;
  recordedAt!: string;
}

export class ShiftResponse implements Shift {
  /** `<topicId>~<positionBefore>~<positionAfter>`. */
  shiftId!: string;
  topicId!: string;
  /** Valid time it took effect. */
  validAt!: string;
  /** Record time of the statement or withdrawal that caused it. */
  recordedAt!: string;
  cause!: 'stated' | 'withdrawn';
  before!: ShiftSideResponse | null;
  after!: ShiftSideResponse | null;
  rating!: FlipRating;
  /** The latest editor's rating known at `knownAt`. */
  override!: RatingOverrideResponse | null;
}

export class ShiftPageResponse {
  actorId!: string;
  knownAt!: string;
  items!: ShiftResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

export class RateShiftResponse {
  actorId!: string;
  shiftId!: string;
  rating!: FlipRating;
  reason!: string;
  revision!: string;
  recordedAt!: string;
}

export class LearnedPositionResponse extends StanceInForceResponse {
  withdrawnAt!: string | null;
  retracted!: boolean;
}

export class LearnedFactResponse implements LearnedFact {
  @ApiProperty({ enum: LEARNED_KIND_VALUES })
  kind!: LearnedKind;
  recordedAt!: string;
  actorId!: string;
  topicId!: string;
  positionId!: string;
  reason!: string | null;
  /** For a correction: the fields it changed. */
  changedFields!: string[];
  /** The position as it stood after. */
  position!: LearnedPositionResponse;
  /** The position as it stood before, when this changed it. */
  previous!: LearnedPositionResponse | null;
  /** Record order within one record time. */
  sequence!: number;
}

export class LearnedPageResponse {
  from!: string;
  to!: string;
  items!: LearnedFactResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

export class HighlightsResponse {
  /** The quotation with `<mark>`…`</mark>` around each matching word; all else is text. */
  quote!: string | null;
  summary!: string;
}

export class QuotedPositionResponse
  extends StanceCoreResponse
  implements Omit<QuotationHit['position'], 'sources'>
{
  actorId!: string;
  topicId!: string;
  recordedAt!: string;
  /** The outlets that printed it. */
  outlets!: string[];
}

export class QuotationHitResponse {
  rank!: number;
  highlights!: HighlightsResponse;
  position!: QuotedPositionResponse;
}

export class QuotationPageResponse {
  q!: string;
  knownAt!: string;
  items!: QuotationHitResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}
