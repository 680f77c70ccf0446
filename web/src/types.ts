/**
 * The API's types, taken from the contract: `test/client/positions-api.ts` is generated from `openapi.json` by
 * `npm run openapi` (openapi-typescript), so a changed response shape fails `tsc -p web/tsconfig.json` here
 * instead of drifting. Only the type is imported: esbuild drops it from the bundle.
 */
import type { components } from '../../test/client/positions-api';

type Schemas = components['schemas'];

export type Stance = Schemas['TopicStanceResponse']['stance'];
export type Precision = Schemas['TopicStanceResponse']['statedAtPrecision'];
export type Condition = Schemas['ConditionResponse'];
export type Source = Schemas['SourceResponse'];

/** A stance in force, as `/v1/actors/{id}/stances` and `/v1/topics/{id}/stances` answer it. */
export type StanceView = Schemas['TopicStanceResponse'] & { actorId?: string };
export type ActorStances = Schemas['ActorStancesResponse'];

/** One version of a position (`/v1/actors/{id}/history`). */
export type Version = Schemas['ActorHistoryEntryResponse'];
export type HistoryPage = Schemas['ActorHistoryPageResponse'];

export type Rating = Schemas['ShiftResponse']['rating'];
export type ShiftSide = Schemas['ShiftSideResponse'];
export type Shift = Schemas['ShiftResponse'];
export type ShiftsPage = Schemas['ShiftPageResponse'];

export type Role = Schemas['ActorRoleResponse'];
export type Actor = Schemas['ActorResponse'];
export type Topic = Schemas['TopicResponse'];
export type TopicStances = Schemas['TopicStancesResponse'];

export type Page<T> = { items: T[]; next: string | null };

/** The queue's `stance` and `speaker.kind` are plain strings in the contract; the desk reads them as these. */
export type ReviewItem = Omit<Schemas['ReviewItemResponse'], 'stance'> & { stance: Stance | null };
export type ReviewPage = Omit<Schemas['ReviewPageResponse'], 'items'> & { items: ReviewItem[] };
export type ReviewDecision = Schemas['ReviewDecisionResponse'];
export type AcceptRequest = Schemas['AcceptQuotationRequest'];

export type Disposition = Schemas['QuotationDispositionResponse'];
export type ArticleQuotation = Schemas['ArticleQuotationResponse'];
export type Article = Schemas['ArticleResponse'];

export type Comparison = Schemas['TopicComparisonResponse'];
export type ComparisonPage = Schemas['ComparisonPageResponse'];

export type Change = Schemas['StanceChangeResponse'];
export type ChangesPage = Schemas['StanceChangesPageResponse'];

export type QuotationHit = Schemas['QuotationHitResponse'];
export type QuotationPage = Schemas['QuotationPageResponse'];

export type TopicRegistration = Schemas['RegisterTopicRequest'];
export type ActorRegistration = Schemas['RegisterActorRequest'];

/** `stance.changed` on `/v1/stream`: an SSE event, outside the OpenAPI document; its sides are the shifts' own. */
export type StanceChanged = {
  actorId: string;
  topicId: string;
  before: ShiftSide | null;
  after: ShiftSide | null;
  rating: Rating;
  recordedAt: string;
  cause: string;
};
