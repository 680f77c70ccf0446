import type { Event } from '../shared/decider';
import type { FlipRating } from './flip-rating';
import type { EvidenceType, Stance, StatedAtPrecision } from './stance';

export type Condition = { text: string; topicId: string | null };

/** Where an outlet printed the statement: `text` is that outlet's own wording, `span` its place in the article. */
export type Source = {
  outlet: string;
  articleId: string | null;
  url: string | null;
  publishedOn: string | null;
  text: string;
  span: { start: number; end: number } | null;
};

export type PositionFields = {
  topicId: string;
  stance: Stance;
  conditions: Condition[];
  summary: string;
  quote: string | null;
  evidenceType: EvidenceType;
  /** Valid time: when the actor said it, as the start of its precision period (ISO 8601, UTC). */
  statedAt: string;
  statedAtPrecision: StatedAtPrecision;
  confidence: number;
};

/** `recordedAt` on every event is record time: when this service learned the fact. */
export type PositionStated = Event<
  'PositionStated',
  PositionFields & { positionId: string; actorId: string; sources: Source[]; recordedAt: string }
>;
export type PositionSourceAdded = Event<
  'PositionSourceAdded',
  { positionId: string; actorId: string; source: Source; recordedAt: string }
>;
/** The actor walked it back: a fact about the world, effective from `effectiveAt` (valid time). */
export type PositionWithdrawn = Event<
  'PositionWithdrawn',
  {
    positionId: string;
    actorId: string;
    effectiveAt: string;
    reason: string;
    quote: string | null;
    recordedAt: string;
  }
>;
/** Our record was wrong in some fields: answers change from `recordedAt` on, never before. */
export type PositionCorrected = Event<
  'PositionCorrected',
  {
    positionId: string;
    actorId: string;
    changes: Partial<PositionFields>;
    reason: string;
    recordedAt: string;
  }
>;
/** Our record should never have existed (e.g. a misattributed quote). */
export type PositionRetracted = Event<
  'PositionRetracted',
  { positionId: string; actorId: string; reason: string; recordedAt: string }
>;

export type PositionEvent =
  PositionStated | PositionSourceAdded | PositionWithdrawn | PositionCorrected | PositionRetracted;

/**
 * An editor's rating of a shift of the stance in force, overriding the computed flip rating from `recordedAt`
 * on. Not a PositionEvent: it changes no stance, only how a change between two stances is rated.
 */
export type ShiftRatingOverridden = Event<
  'ShiftRatingOverridden',
  {
    actorId: string;
    topicId: string;
    /** The shift's identity: its topic and the positions in force before and after it. */
    shiftId: string;
    rating: FlipRating;
    reason: string;
    recordedAt: string;
  }
>;

export const POSITION_EVENT_TYPES: readonly PositionEvent['type'][] = [
  'PositionStated',
  'PositionSourceAdded',
  'PositionWithdrawn',
  'PositionCorrected',
  'PositionRetracted',
];

const positionEventTypes = new Set<string>(POSITION_EVENT_TYPES);

export const isPositionEvent = (event: { type: string }): event is PositionEvent =>
  positionEventTypes.has(event.type);

export const CORRECTABLE_FIELDS: readonly (keyof PositionFields)[] = [
  'topicId',
  'stance',
  'conditions',
  'summary',
  'quote',
  'evidenceType',
  'statedAt',
  'statedAtPrecision',
  'confidence',
];

/** Two sources are the same when they are the same article, the same URL, or the same outlet's same words. */
export const sourceKey = (source: Source): string =>
  source.articleId
    ? `article:${source.articleId}`
    : source.url
      ? `url:${source.url}`
      : `outlet:${source.outlet.trim().toLowerCase()}:${source.text.trim()}`;
