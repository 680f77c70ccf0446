import type {
  Condition,
  EvidenceType,
  PositionChange,
  PositionStatus,
  Source,
  Stance,
  StanceInForce,
  StatedAtPrecision,
  TimelineChange,
} from '@domain/positions';
import type { StanceHistoryEntry } from '../stance-history/stance-history.view';
import type { PositionDetailView } from '../position-detail/position-detail.view';

export class SpanResponse {
  /** Character offset of the first character in the article. */
  start!: number;
  /** Offset after the last character. */
  end!: number;
}

export class SourceResponse implements Source {
  /** The outlet that printed it, e.g. "BBC News". */
  outlet!: string;
  articleId!: string | null;
  url!: string | null;
  /** The day it was published (YYYY-MM-DD). */
  publishedOn!: string | null;
  /** The words as this outlet printed them. */
  text!: string;
  span!: SpanResponse | null;
}

export class ConditionResponse implements Condition {
  text!: string;
  /** The topic the condition is itself about, when it is one. */
  topicId!: string | null;
}

/** A position's stance, without its sources or the actor and topic an answer names once. */
export class StanceCoreResponse {
  positionId!: string;
  stance!: Stance;
  /** support 1, conditional-support 0.5, hedged 0, conditional-opposition -0.5, oppose -1; null for no-comment. */
  score!: number | null;
  conditions!: ConditionResponse[];
  summary!: string;
  quote!: string | null;
  evidenceType!: EvidenceType;
  /** Valid time: when it was said, as the start of its precision period (UTC). */
  statedAt!: string;
  statedAtPrecision!: StatedAtPrecision;
  confidence!: number;
}

/** A position's stance and evidence, without the actor and topic an answer names once. */
export class StanceFieldsResponse extends StanceCoreResponse {
  sources!: SourceResponse[];
}

/** One topic's stance in force, in an answer about one actor. */
export class TopicStanceResponse extends StanceFieldsResponse implements Omit<StanceInForce, 'actorId'> {
  topicId!: string;
  /** Record time: when the position was first recorded (or, for a backfill, became known). */
  recordedAt!: string;
}

/** One actor's stance in force, in an answer about one topic. */
export class ActorStanceResponse extends StanceFieldsResponse implements Omit<StanceInForce, 'topicId'> {
  actorId!: string;
  /** Record time: when the position was first recorded (or, for a backfill, became known). */
  recordedAt!: string;
}

export class ActorStancesResponse {
  actorId!: string;
  /** The valid time asked about. */
  at!: string;
  /** The record time asked about. */
  knownAt!: string;
  stances!: TopicStanceResponse[];
}

export class StanceAsOfResponse extends TopicStanceResponse {
  actorId!: string;
  at!: string;
  knownAt!: string;
}

export class TopicStancesResponse {
  topicId!: string;
  at!: string;
  knownAt!: string;
  stances!: ActorStanceResponse[];
}

/** One version of a position on the topic, with both times: valid (statedAt, withdrawnAt) and record (from, to). */
export class StanceHistoryEntryResponse extends StanceFieldsResponse implements StanceHistoryEntry {
  topicId!: string;
  /** Valid time the actor walked it back from, if it did. */
  withdrawnAt!: string | null;
  retracted!: boolean;
  change!: TimelineChange;
  reason!: string | null;
  firstRecordedAt!: string;
  recordedFrom!: string;
  recordedTo!: string | null;
}

export class ActorHistoryEntryResponse extends StanceHistoryEntryResponse {
  /** This version's place in the record. */
  versionId!: string;
}

export class ActorHistoryPageResponse {
  actorId!: string;
  knownAt!: string;
  items!: ActorHistoryEntryResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

export class StanceHistoryResponse {
  actorId!: string;
  topicId!: string;
  knownAt!: string;
  entries!: StanceHistoryEntryResponse[];
}

export class PositionChangeResponse implements PositionChange {
  change!: TimelineChange;
  recordedAt!: string;
  reason!: string | null;
  /** Revision of the actor's stream at that change. */
  revision!: string;
}

export class PositionDetailResponse extends StanceFieldsResponse implements PositionDetailView {
  actorId!: string;
  topicId!: string;
  status!: PositionStatus;
  withdrawnAt!: string | null;
  history!: PositionChangeResponse[];
  firstRecordedAt!: string;
  lastRecordedAt!: string;
}

/** What every position write answers. */
export class PositionWriteResponse {
  positionId!: string;
  /** The actor stream's revision after the write: send it as `If-Match` to guard the next write. */
  revision!: string;
  /** Record time of the write (for a repeat, of the original). */
  recordedAt!: string;
}
