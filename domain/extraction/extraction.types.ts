import type { Condition } from '../positions/position.events';
import type { Stance, StatedAtPrecision } from '../positions/stance';

/**
 * The contract between the pure extractor (`extractQuotations`) and the service that records what it finds.
 * Spans are always character offsets (UTF-16 code units, as JavaScript strings index) into the ORIGINAL text
 * the article was posted with, never into a cleaned copy.
 */

/** An article as the extractor sees it. `publishedOn` is a `YYYY-MM-DD` day (UTC). */
export type ArticleInput = {
  id: string;
  text: string;
  outlet: string;
  publishedOn: string;
};

/** What the extractor knows of an actor: the registry's view on the day of the article. */
export type RegistryActor = {
  id: string;
  name: string;
  kind: 'person' | 'institution';
  aliases: string[];
  roles: { title: string; organisation: string; from: string | null; to: string | null }[];
};

/** One topic with the words that signal it (kept as data beside the topics). */
export type TopicLexicon = {
  topicId: string;
  /** Phrases (lower case) whose presence in a quotation or its sentence points at the topic. */
  terms: string[];
  /** Phrases whose presence is a strong signal (weigh more than `terms`). */
  strongTerms?: string[];
  /** Phrases that agree with the topic's proposition ("right to enrich"); under a negation they disagree. */
  supportTerms?: string[];
  /** Words of which the article must hold one for the topic to apply ("gaza", "greenland"): its region or actors. */
  anchors?: string[];
  /**
   * The anchors must be near the quotation (its paragraph or the one before), not only somewhere in the article: a
   * country's own policy (British aid, British defence spending), which a story elsewhere mentions in passing.
   */
  nearAnchors?: boolean;
  /** Phrases that disagree with the topic's proposition ("not for sale" for US control of Greenland). */
  opposeTerms?: string[];
};

/** A stance on the ledger's scale, or `no-position`: a quotation kept as evidence that takes no position. */
export type ExtractedStance = Stance | 'no-position';

export type ExtractionKnowledge = {
  actors: RegistryActor[];
  topics: TopicLexicon[];
  /** Negation, condition, hedge, refusal, support and opposition cues; without them no stance is guessed. */
  cues?: StanceCues;
};

export type SpeakerResolution =
  /** Resolved to an actor of the registry. */
  | {
      kind: 'actor';
      actorId: string;
      name: string;
      via: 'name' | 'alias' | 'role' | 'pronoun' | 'colon-intro';
    }
  /** A named speaker the registry does not know: an actor candidate (never silently dropped). */
  | { kind: 'candidate'; actorId: string; name: string; via: 'name' };

export type ExtractedQuotation = {
  articleId: string;
  /** The quoted words, joined across paragraphs and around a split attribution, without the quote marks. */
  quote: string;
  /** Span in the original text from the first opening mark to the last closing mark (inclusive of both). */
  start: number;
  end: number;
  /** Each quoted piece's span in the original text, when the quotation is split or runs over paragraphs. */
  parts: { start: number; end: number }[];
  /** null when no speaker could be attributed (the quotation still goes to review). */
  speaker: SpeakerResolution | null;
  /** The day said (`YYYY-MM-DD`), or null when unknown; with its precision. */
  saidOn: string | null;
  saidOnPrecision: StatedAtPrecision | null;
  /** The phrase the day came from ("last night", "on Wednesday"), or null when the publication day was assumed. */
  saidOnEvidence: string | null;
  topicId: string | null;
  /** Set when no registered topic fits and the article is about something the taxonomy lacks: for an editor. */
  proposedTopic: { id: string; title: string } | null;
  stance: ExtractedStance | null;
  conditions: Condition[];
  /** 0..1: how sure the extractor is of speaker, topic and stance together. */
  confidence: number;
  /**
   * Per-part confidences, for the review queue: who said it, which topic, which stance, which day (each 0..1); `raw`
   * is what they combine into before calibration (see calibration.ts).
   */
  confidences: { speaker: number; topic: number; stance: number; day?: number; raw?: number };
};

/** A cue phrase (lower case) and how much it weighs. */
export type StanceCue = { phrase: string; weight: number };

/** Cue phrases kept as data beside the topics (`seeds/stance-cues.json`). */
export type StanceCues = {
  negation: StanceCue[];
  condition: StanceCue[];
  hedge: StanceCue[];
  noComment: StanceCue[];
  support: StanceCue[];
  oppose: StanceCue[];
  /** "will not", "a red line", "rules out": refusals, against whatever the quotation speaks of. */
  refusal?: StanceCue[];
  /**
   * Verbs that undo what a proposition asks for ("lift", "ease", "drop", "scrap"), before a word of the topic
   * ("easing sanctions"), and their passive or "must go" forms after one ("the tariffs must go"): the quotation's
   * other cues then speak of the undoing, so they count the other way.
   */
  reversal?: { before: string[]; after: string[]; notMeasures: string[] };
  /**
   * Words that describe the talks themselves ("constructive", "frank", "good progress", "businesslike"): how a meeting
   * went, not what the speaker wants of the topic. A quotation whose only evaluation is one of them states no position.
   */
  process?: string[];
  /** Set phrases whose words are no cue ("at the end of the day", "at best", "right now", "hand back", "Great Britain"). */
  neutral?: string[];
};
