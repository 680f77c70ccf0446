import { toKebab } from '../shared/ids';
import type { Stance } from '../positions/stance';
import type { Condition } from '../positions/position.events';
import type { ExtractedStance, StanceCue, StanceCues, TopicLexicon } from './extraction.types';

export type TopicGuess = {
  topicId: string | null;
  confidence: number;
  /** The other topics with as much evidence as the one chosen (chosen by name among them): the story may decide. */
  tiedWith?: string[];
};
export type StanceGuess = {
  stance: ExtractedStance | null;
  conditions: Condition[];
  confidence: number;
  /** Rated by a phrase of the topic's own ("not for sale" on Greenland), not by general cues alone. */
  specific?: boolean;
  /** The weight of the cues behind the rating (a side's, a hedge's, a refusal to comment's); 0 or absent for none. */
  cueWeight?: number;
};

/** Lower case, one kind of apostrophe and quote mark, dashes as spaces: how lexicon phrases are matched. */
export const plainWords = (text: string): string =>
  ` ${text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”"]/g, ' ')
    .replace(/[–—-]/g, ' ')
    .replace(/[^\p{L}\p{N}'%.\s]/gu, ' ')
    .replace(/\.(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

/**
 * Forgets what was computed from texts (an article's plain words, its anchored topics, the word index of each
 * quotation): called as each article starts, so work done for one article never serves another.
 */
export const forgetTexts = (): void => {
  lastArticle = null;
  lastAnchored = null;
  wordIndexes.clear();
};

let lastArticle: { text: string; plain: string } | null = null;
/** An article's plain words, computed once for all its quotations. */
const plainArticle = (text: string): string => {
  if (lastArticle?.text !== text) lastArticle = { text, plain: plainWords(text) };
  return lastArticle.plain;
};

let lastAnchored: { text: string; topics: TopicLexicon[] } | null = null;
/** The topics whose anchors the article holds, computed once for all its quotations. */
const anchoredTopics = (topics: TopicLexicon[], article: string): TopicLexicon[] => {
  if (lastAnchored?.text !== article) {
    const whole = plainArticle(article);
    lastAnchored = {
      text: article,
      topics: topics.filter(
        (lexicon) =>
          !lexicon.anchors || lexicon.anchors.some((anchor) => whole.includes(plainPhrase(anchor))),
      ),
    };
  }
  return lastAnchored.topics;
};

const plainPhrases = new Map<string, string>();
const plainPhrase = (phrase: string): string => {
  let plain = plainPhrases.get(phrase);
  if (plain === undefined) {
    plain = plainWords(phrase);
    plainPhrases.set(phrase, plain);
  }
  return plain;
};

type WordIndex = { words: string[]; offsets: number[]; byWord: Map<string, number[]> };

const wordIndexes = new Map<string, WordIndex>();
/** A plain text's words with the offset of the space before each, and where each word occurs: built once per text. */
const wordIndex = (plain: string): WordIndex => {
  let index = wordIndexes.get(plain);
  if (index) return index;
  const words: string[] = [];
  const offsets: number[] = [];
  const byWord = new Map<string, number[]>();
  for (let at = plain.indexOf(' '); at >= 0 && at < plain.length - 1;) {
    const next = plain.indexOf(' ', at + 1);
    if (next < 0) break;
    const word = plain.slice(at + 1, next);
    const list = byWord.get(word) ?? [];
    list.push(words.length);
    byWord.set(word, list);
    words.push(word);
    offsets.push(at);
    at = next;
  }
  index = { words, offsets, byWord };
  wordIndexes.set(plain, index);
  return index;
};

const phraseWords = new Map<string, string[]>();
/** A phrase as the plain words it is matched by (none for a phrase of no word). */
const wordsOfPhrase = (phrase: string): string[] => {
  const needle = plainPhrase(phrase);
  let wanted = phraseWords.get(needle);
  if (!wanted) {
    wanted = needle.trim() === '' ? [] : needle.trim().split(' ');
    phraseWords.set(needle, wanted);
  }
  return wanted;
};

/**
 * Where a phrase's words occur in a plain text (the offset of the space before them), as `indexOf` would find
 * ` phrase ` but by word lookup: a plain text is words between single spaces, so a match is a run of whole words.
 */
const wordRuns = (haystack: string, wanted: string[]): number[] => {
  const found: number[] = [];
  if (wanted.length === 0) {
    const needle = ' ';
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
      if (haystack.startsWith('  ', at)) found.push(at);
    return found;
  }
  const { words, offsets, byWord } = wordIndex(haystack);
  for (const first of byWord.get(wanted[0]) ?? []) {
    let same = first + wanted.length <= words.length;
    for (let k = 1; same && k < wanted.length; k++) same = words[first + k] === wanted[k];
    if (same) found.push(offsets[first]);
  }
  return found;
};

const occurrences = (haystack: string, phrase: string): number[] => wordRuns(haystack, wordsOfPhrase(phrase));

/** A lexicon's phrases as plain words, grouped by their first word, each with its weight in the topic's score. */
type CompiledLexicon = Map<string, { words: string[]; weight: number; anchor: boolean }[]>;
const compiledLexicons = new WeakMap<TopicLexicon, CompiledLexicon>();
const compiled = (lexicon: TopicLexicon): CompiledLexicon => {
  let entry = compiledLexicons.get(lexicon);
  if (!entry) {
    entry = new Map();
    const anchors = new Set((lexicon.anchors ?? []).map(plainPhrase));
    const add = (terms: string[] | undefined, weight: number, plain = false) => {
      for (const term of terms ?? []) {
        const words = wordsOfPhrase(term);
        const first = words[0] ?? '';
        const anchor = plain && anchors.has(plainPhrase(term));
        entry!.set(first, [...(entry!.get(first) ?? []), { words, weight, anchor }]);
      }
    };
    add(lexicon.terms, 1, true);
    add(lexicon.strongTerms, 3);
    add(lexicon.supportTerms, 1);
    add(lexicon.opposeTerms, 1);
    compiledLexicons.set(lexicon, entry);
  }
  return entry;
};

/**
 * A topic's evidence in a plain text: each phrase of its lexicon found counts its weight, at most twice. Only the
 * phrases opening with a word of the text are looked at.
 */
const evidence = (lexicon: TopicLexicon, text: string): { score: number; specific: boolean } => {
  const phrases = compiled(lexicon);
  let sum = 0;
  let specific = false;
  const add = (entries: { words: string[]; weight: number; anchor: boolean }[] | undefined) => {
    for (const { words, weight, anchor } of entries ?? []) {
      const found = Math.min(2, wordRuns(text, words).length);
      sum += weight * found;
      if (found > 0 && !anchor) specific = true;
    }
  };
  for (const word of wordIndex(text).byWord.keys()) if (word !== '') add(phrases.get(word));
  add(phrases.get(''));
  return { score: sum, specific };
};

const score = (lexicon: TopicLexicon, text: string): number => evidence(lexicon, text).score;

/** Below this, the words only brush a topic: no topic is better than a wrong one. */
const TOPIC_MIN_SCORE = 1;

/**
 * A clause of condition or of time ("until it accepts a full ceasefire", "unless Moscow agrees") names what the
 * speaker asks in return, not what the speaker takes a side on: its words count for a topic at this weight.
 */
const CONDITION_TOPIC_WEIGHT = 0.25;
const CONDITION_CLAUSE =
  /(?<![\p{L}])(?:until|unless|as long as|provided(?: that)?|only if|on condition that)(?![\p{L}])[^.;!?,]*/giu;
/** A text without its clauses of condition or time, and those clauses. */
const clausesOf = (text: string): [string, string] => {
  const clauses: string[] = [];
  const main = text.replace(CONDITION_CLAUSE, (clause) => {
    clauses.push(clause);
    return ' ';
  });
  return [main, clauses.join(' . ')];
};

/**
 * The topic a quotation speaks to, from each topic's lexicon: the quotation's own words count fully, the sentence
 * that frames it half. Confidence grows with the evidence and with the lead over the runner-up. `near` is the text
 * around the quotation where a topic that needs its anchors close by looks for them (or what gives it, asked only
 * when such a topic is in play).
 */
export const guessTopic = (
  topics: TopicLexicon[],
  quote: string,
  frame: string,
  article?: string,
  near?: string | (() => string),
): TopicGuess => {
  const [main, conditions] = clausesOf(quote);
  let nearWords: string | undefined;
  const isNear = (anchor: string) =>
    occurrences((nearWords ??= plainWords(typeof near === 'function' ? near() : near!)), anchor).length > 0;
  const quoted = plainWords(main);
  const conditioned = plainWords(conditions);
  const framed = plainWords(clausesOf(frame)[0]);
  const anchored = (article === undefined ? topics : anchoredTopics(topics, article)).filter(
    (lexicon) => !lexicon.nearAnchors || near === undefined || (lexicon.anchors ?? []).some(isNear),
  );
  const weighed = anchored.map((lexicon) => {
    const own = evidence(lexicon, quoted);
    const frame = evidence(lexicon, framed);
    const condition =
      conditioned.trim() === '' ? { score: 0, specific: false } : evidence(lexicon, conditioned);
    return { topicId: lexicon.topicId, own, frame, condition };
  });
  // When the rest names no subject ("We will not rest until the last hostage has come home"), the clause is the
  // subject.
  const named = weighed.some(({ own, frame }) => own.score + frame.score > 0);
  const conditionWeight = named ? CONDITION_TOPIC_WEIGHT : 1;
  const scored = weighed
    .map(({ topicId, own, frame, condition }) => ({
      topicId,
      score: own.score + 0.5 * frame.score + conditionWeight * condition.score,
      specific: own.specific || frame.specific || condition.specific,
    }))
    // The place a topic is about ("Canadian", "Gaza") is no evidence for it on its own: a topic needs a word of
    // its own beside the article's anchors, or another subject in the same place gets it.
    .filter((entry) => entry.score > 0 && entry.specific)
    .sort((a, b) => b.score - a.score || a.topicId.localeCompare(b.topicId));
  if (scored.length === 0 || scored[0].score < TOPIC_MIN_SCORE) return { topicId: null, confidence: 0 };
  const [best, second] = scored;
  const strength = Math.min(1, best.score / 4);
  const lead = second ? (best.score - second.score) / best.score : 1;
  const tied = scored.slice(1).filter((entry) => entry.score === best.score);
  return {
    topicId: best.topicId,
    confidence: Number((0.3 + 0.45 * strength + 0.2 * lead).toFixed(2)),
    ...(tied.length > 0 ? { tiedWith: tied.map((entry) => entry.topicId) } : {}),
  };
};

/** A word in capitals: a name of a person, a place or a body, a title, or a sentence's first word. */
const CAPITALISED = /(?<![\p{L}'’])\p{Lu}[\p{L}'’.-]*/gu;

/**
 * Whether the reporter's sentence around a quotation names a topic in its common words ("the younger Bolsonaro
 * said the tariff was “the consequence of persecution”"): as a quotation's own words would, the words in capitals
 * set aside. Those name the people, places and bodies in the story ("Danish Foreign Minister", "Greenland's"),
 * which every sentence of it names, whatever it is about.
 */
export const framesTopic = (lexicon: TopicLexicon, frame: string): boolean =>
  guessTopic([lexicon], frame.replace(CAPITALISED, ' '), '').topicId !== null;

/**
 * The cues a text holds: their weight, where they stand and which they are; `counted` is the weight of those with an
 * occurrence `counts` accepts (all of them, without it).
 */
const weigh = (
  text: string,
  cues: StanceCue[],
  counts?: (phrase: string, at: number) => boolean,
): { weight: number; counted: number; at: number[]; phrases: string[] } => {
  const at: number[] = [];
  const phrases: string[] = [];
  let weight = 0;
  let counted = 0;
  for (const cue of cues) {
    const found = occurrences(text, cue.phrase);
    if (found.length > 0) {
      weight += cue.weight;
      if (!counts || found.some((where) => counts(cue.phrase, where))) counted += cue.weight;
      at.push(...found);
      phrases.push(cue.phrase);
    }
  }
  return { weight, counted, at, phrases };
};

const NEGATION_REACH = 24;

/**
 * A quotation's plain words with each set phrase whose words are no cue ("at the end of the day", "at best", "hand
 * back") written as a dash per word, so that no cue matches inside it and every other word keeps its offset.
 */
const withoutSetPhrases = (
  text: string,
  phrases: string[] = [],
): { masked: string; present: Set<string> } => {
  let masked = text;
  const present = new Set<string>();
  for (const phrase of phrases) {
    const words = wordsOfPhrase(phrase);
    if (words.length === 0) continue;
    // Found through the text's word index; a run an earlier (longer) phrase masked is no longer there.
    const needle = ` ${words.join(' ')} `;
    const runs = wordRuns(text, words);
    if (runs.length > 0) present.add(phrase);
    for (const at of runs)
      if (masked.startsWith(needle, at))
        masked =
          masked.slice(0, at + 1) +
          needle.slice(1, -1).replace(/[^ ]/g, '-') +
          masked.slice(at + needle.length - 1);
  }
  return { masked, present };
};
/** The set phrases of some cues, longest first, so that "good progress" is masked whole before "progress". */
const setPhraseLists = new WeakMap<StanceCues, string[]>();
const setPhrases = (cues: StanceCues): string[] => {
  let phrases = setPhraseLists.get(cues);
  if (!phrases) {
    phrases = [...(cues.neutral ?? []), ...(cues.process ?? [])].sort(
      (a, b) => wordsOfPhrase(b).length - wordsOfPhrase(a).length,
    );
    setPhraseLists.set(cues, phrases);
  }
  return phrases;
};
/** Below "must" (0.8): "want" and "good" (0.6) beside words of the talks still only report on them. */
const TALKS_MAX_EVIDENCE = 0.7;
const REVERSAL_REACH = 3;
const GOING_ON = new Set(['in', 'into', 'through', 'ahead', 'forward', 'on', 'to', 'back', 'further']);

/**
 * Where a quotation undoes what its topic's proposition asks for: a verb of undoing with a word of the topic within a
 * few words after it ("lift the sanctions", "easing sanctions"), or a word of the topic with a passive or "must go"
 * form after it ("the tariffs must go"). A word naming what the proposition ends ("end the fighting") is no measure.
 */
const reversals = (cues: StanceCues, text: string, lexicon: TopicLexicon | undefined): number[] => {
  if (!cues.reversal || !lexicon) return [];
  const notMeasures = new Set(cues.reversal.notMeasures);
  const { offsets } = wordIndex(text);
  const measureAt = new Set<number>();
  for (const term of [...(lexicon.terms ?? []), ...(lexicon.strongTerms ?? [])]) {
    const wanted = wordsOfPhrase(term);
    if (wanted.some((word) => notMeasures.has(word))) continue;
    for (const at of wordRuns(text, wanted)) measureAt.add(offsets.indexOf(at));
  }
  if (measureAt.size === 0) return [];
  const near = (from: number, to: number) => [...measureAt].some((at) => at >= from && at <= to);
  const found: number[] = [];
  for (const phrase of cues.reversal.before)
    for (const at of occurrences(text, phrase)) {
      const index = offsets.indexOf(at);
      const after = index + wordsOfPhrase(phrase).length;
      if (near(after, after + REVERSAL_REACH - 1)) found.push(at);
    }
  const { words } = wordIndex(text);
  for (const phrase of cues.reversal.after)
    for (const at of occurrences(text, phrase)) {
      const index = offsets.indexOf(at);
      // "must go in every day", "must go on": a way or a going on, not a going away.
      if (GOING_ON.has(words[index + wordsOfPhrase(phrase).length] ?? '')) continue;
      if (near(index - REVERSAL_REACH - 1, index - 1)) found.push(at);
    }
  return found;
};

/**
 * Where a negation's reach ends in a quotation's plain words: at each sentence's end ("Recognition is not a favour.
 * It is a right.") and at a "but" ("not now, but soon"). Offsets are those of the quotation's plain words: the
 * sentences' plain words joined by single spaces are the whole's.
 */
const scopeEnds = (
  quote: string,
  text: string,
): { ends: number[]; rhetorical: [number, number][]; contrasts: number[]; generic: number[] } => {
  const ends: number[] = [];
  const generic: number[] = [];
  const rhetorical: [number, number][] = [];
  const contrasts: number[] = [];
  let at = 0;
  for (const sentence of quote.split(/(?<=[.!?;])\s+/)) {
    const words = plainWords(sentence).trim();
    if (words === '') continue;
    if (at > 0) ends.push(at);
    // "within days, not weeks", "a deal, not a war": the "not" after a comma sets aside what follows it.
    for (const contrast of sentence.matchAll(CONTRAST)) {
      const before = plainWords(sentence.slice(0, contrast.index)).trim();
      contrasts.push(before === '' ? at : at + 1 + before.length);
    }
    if (RHETORICAL.test(` ${words} `) && /\?\W*$/.test(sentence))
      rhetorical.push([at, at + words.length + 1]);
    // A sentence that opens on a condition ("If Putin says no to this, the Senate should …"): a negation in the
    // clause ends at its comma.
    if (GENERIC_IF.test(sentence)) generic.push(at);
    const clause = IF_CLAUSE.exec(sentence);
    if (clause) ends.push(at + 1 + plainWords(clause[0].slice(0, -1)).trim().length);
    at += words.length + 1;
  }
  for (const but of wordRuns(text, ['but'])) ends.push(but);
  return { ends, rhetorical, contrasts, generic };
};
const CONTRAST = /,\s*not\b/giu;
const IF_CLAUSE = /^\W*(?:if|unless|should)\s[^,.;:!?]*,/iu;
/**
 * "If you are buying their oil, you are paying for their war": a case put to anyone, which says what one thing
 * amounts to; no condition on the speaker's side.
 */
const GENERIC_IF = /^\W*if you\s[^,.;:!?]*,\s*(?:then\s+)?you\s/iu;

/**
 * A question asked to deny ("Why should families pay more?", "How can we keep sanctions that ruin us?", "A good deal
 * for whom?"): what it asks is what the speaker rejects, so its words read as under a negation.
 */
const RHETORICAL =
  /^ (?:why (?:should|would|must|do|does|did|on earth)|how (?:can|could|on earth)|who (?:would|could|can) (?:possibly )?(?:want|believe|accept)|what (?:is the point|good)|is it (?:fair|right|reasonable)|does anyone|do we really) |^ .* for whom $/;

const POST_NEGATION_REACH = 3;
/** A sentence that reports what others said or predicted, as a speaker does to answer them. */
const OTHERS_SAID =
  /^\W*(?:some(?: people)?|many|critics|sceptics|skeptics|the sceptics|the skeptics|the doubters|doubters|others|they|people) (?:said|say|says|told us|claimed|claim|predicted|warned|thought)\b/iu;
/** A state of readiness with no "to" after it: "will be ready", "stands ready", "are prepared for". */
const READINESS =
  / (?:be|is|are|am|we're|they're|it's|stand|stands|remain|remains|stay|stays) (?:ready|prepared)(?= (?!to )|$)/g;
/** As much as "ready to" and "prepared to". */
const READINESS_WEIGHT = 0.8;

/** Words that report a fact in the past or what there is: no position unless a cue says one. */
const ED = '(?:\\w+[^\\We]ed|agreed)';
/**
 * Participles that state a resolve ("prepared to move", "committed to a deal", "determined to finish"): a fragment
 * that lacks its "are" still takes a side; they are no past verbs before their "to".
 */
const RESOLVE =
  '(?!(?:prepared|committed|determined|resolved|obliged|dedicated|poised|inclined|minded) to\\b)';
/** Past verbs: common irregular ones, and a word in -ed after a pronoun or before its object ("signed it"). */
const PAST = new RegExp(
  '\\b(?:was|were|had|did|came|went|met|got|made|took|gave|told|said|saw|spoke|held|sent|began|brought|left|' +
    `thought|knew|(?:we|they|i|he|she|it|who|you) ${ED}|${RESOLVE}${ED} (?:to|the|a|an|it|them|that|this|us|him|her|on|with|out|up|` +
    `at|in|into|over|from|by|after|before|across|through|back|down|off))\\b`,
);
const PRESENT_OR_TO_COME =
  /\b(?:is|are|am|be|'s|'re|'m|will|'ll|would|shall|must|should|can|could|may|might|need|needs|want|wants|has|have|'ve|do|does|let|hope|expect|going)\b/;
/** What there is, not what there is not: "there is no justification for this" rebuts someone, a position. */
const THERE_IS = /^ there (?:is|are|was|were|'s) (?!no |not |nothing |never |none )/;
const TEMPORAL = /^(?:until|once|as soon as|when)\b/;
/** Thanks and pleasantries that open a quotation: a courtesy, not a position, unless a cue says one. */
const COURTESY =
  /^ (?:thank you|thanks|many thanks|we thank|i thank|i want to thank|it is a pleasure|it's a pleasure|it is an honour|it's an honour|good to see|nice to see|pleased to be|glad to be|happy to be)\b/;
/**
 * A quotation that only describes: what there is ("There is one text"), or what happened, told in the past with no
 * verb of now or of what is to come ("The understanding was worked out between the two countries").
 */
const describes = (text: string): boolean => {
  if (THERE_IS.test(text) || COURTESY.test(text)) return true;
  return PAST.test(text) && !PRESENT_OR_TO_COME.test(text);
};

/**
 * The stance a quotation takes on its topic's proposition, from phrases kept as data: the topic's own support and
 * opposition phrases first ("not for sale" opposes US control of Greenland, "right to enrich" supports Iranian
 * enrichment), then general cues (a support cue under a negation counts against), refusals ("will not", "a red
 * line", "rules out"), conditions ("unless", "only if", "until") that make it conditional, hedges and refusals to
 * comment. A quotation with no such phrase states no position (`no-position`): a description, a fact, a courtesy.
 * Negations reach to the end of their sentence or a "but"; undoing the proposition's measure ("lift the sanctions")
 * turns the other cues round (docs/extraction.md, step 9).
 */
export const guessStance = (
  cues: StanceCues,
  said: string,
  topicId: string | null,
  lexicon?: TopicLexicon,
): StanceGuess => {
  // What others said, reported to be answered ("Some people said this could not be done."), is not the speaker's.
  const quote = said
    .split(/(?<=[.!?;])\s+/)
    .filter((sentence) => !OTHERS_SAID.test(sentence))
    .join(' ');
  const plain = plainWords(quote);
  // How the talks went is masked like a set phrase ("good progress" holds no "good" of a side), and remembered.
  const { masked: text, present } = withoutSetPhrases(plain, setPhrases(cues));
  const talks = (cues.process ?? []).some((phrase) => present.has(phrase));
  const negations = weigh(text, cues.negation);
  const { ends, rhetorical, contrasts, generic } = scopeEnds(quote, text);
  const negatedAt = (at: number) =>
    rhetorical.some(([from, to]) => at >= from && at < to) ||
    negations.at.some(
      (negation) =>
        negation < at && at - negation <= NEGATION_REACH && !ends.some((end) => end > negation && end <= at),
    );
  // A negated predicate after the topic's words denies them too ("Tariffs are not the answer", "the sanctions
  // have not worked"), but not a "not" after a comma, which sets an alternative aside ("in Gaza within days, not
  // weeks").
  const { offsets } = wordIndex(text);
  const deniedAfter = (at: number, length: number) => {
    const next = offsets.indexOf(at) + length;
    const until = offsets[next + POST_NEGATION_REACH] ?? text.length;
    return negations.at.some(
      (negation) =>
        negation >= offsets[next] &&
        negation < until &&
        !contrasts.includes(negation) &&
        !ends.some((end) => end > at && end <= negation),
    );
  };
  let specific = 0;
  for (const term of lexicon?.supportTerms ?? [])
    for (const at of occurrences(text, term))
      specific += negatedAt(at) && !/\bnot?\b|n't/.test(term) ? -2 : 2;
  for (const term of lexicon?.opposeTerms ?? []) for (const _ of occurrences(text, term)) specific -= 2;
  let support = 0;
  let oppose = 0;
  for (const cue of cues.support) {
    for (const at of occurrences(text, cue.phrase)) {
      if (negatedAt(at)) oppose += cue.weight;
      else support += cue.weight;
    }
  }
  const undone = specific === 0 ? reversals(cues, plain, lexicon) : [];
  // Criticism under a negation ("not a mistake") counts half for; a refusal under one ("has not been ruled out")
  // counts for nothing, the words that say so being hedges.
  // (A cue that is itself a negation, "never", "no way", keeps its sense after another.)
  const negative = (phrase: string) =>
    cues.negation.some((negation) => ` ${plainPhrase(phrase)} `.includes(plainPhrase(negation.phrase)));
  for (const cue of cues.oppose)
    for (const at of occurrences(text, cue.phrase))
      if (undone.includes(at)) continue;
      else if (negatedAt(at) && !negative(cue.phrase)) support += cue.weight / 2;
      else oppose += cue.weight;
  let refusal = 0;
  for (const cue of cues.refusal ?? [])
    if (occurrences(text, cue.phrase).some((at) => !negatedAt(at) || negative(cue.phrase)))
      refusal += cue.weight;
  // A clause of time ("until he is ready to talk", "once the fighting stops") says when, not whether, unless a
  // negation before it in its sentence makes it the price ("will not end this war until Hamas no longer rules"), or
  // it waits on circumstances ("as soon as the economy allows").
  const negatedBefore = (at: number) =>
    negations.at.some((negation) => negation < at && !ends.some((end) => end > negation && end <= at));
  const waitsOn = (at: number) => {
    const end = Math.min(text.length, ...ends.filter((end) => end > at));
    return / (?:allow|allows|permit|permits) /.test(text.slice(at, end + 1));
  };
  const conditions = weigh(
    text,
    cues.condition,
    (phrase, at) =>
      !(phrase === 'if' && generic.includes(at)) &&
      (!TEMPORAL.test(phrase) || negatedBefore(at) || waitsOn(at)),
  );
  // Readiness that names no act ("we will be ready", "our list is ready", "prepared for every scenario") holds a
  // measure in reserve: a side taken on the condition that events call for it.
  for (const ready of text.matchAll(READINESS))
    if (!negatedAt(ready.index)) {
      support += READINESS_WEIGHT;
      conditions.weight += 1;
      conditions.counted += 1;
      conditions.phrases.push(ready[0].trim());
    }
  const hedges = weigh(text, cues.hedge);
  // A hedge before a "but" that goes on to take a side ("I'm not going to get ahead of the discussion ... but the
  // backstop is so important") gives way to the side taken.
  const lastBut = Math.max(-1, ...wordRuns(text, ['but']));
  if (
    lastBut >= 0 &&
    hedges.at.every((at) => at < lastBut) &&
    [...cues.support, ...cues.oppose].some((cue) => occurrences(text, cue.phrase).some((at) => at > lastBut))
  )
    hedges.weight = 0;
  const refusals = weigh(text, cues.noComment);
  const general = support - oppose - refusal;
  // The other cues speak of undoing the proposition ("easing sanctions would reward aggression, and we will not do
  // it"): they count the other way, a refusal of the undoing supports, and an undoing on its own opposes.
  const reversed =
    undone.length === 0
      ? general
      : undone.some(negatedAt)
        ? Math.max(1, Math.abs(general))
        : general !== 0
          ? -general
          : -1;
  const polarity = specific !== 0 ? specific : reversed;
  const conditionTexts = quote
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) =>
      conditions.phrases.some((phrase) => plainWords(sentence).includes(plainWords(phrase))),
    )
    .map((sentence) => ({ text: sentence.trim(), topicId }));
  if (refusals.weight > 0 && refusals.weight >= Math.abs(polarity)) {
    // A deflection beside words that take a side ("a matter for the Chinese people, and no foreign interference
    // will be tolerated") may be the side itself: rated, but not sure enough to record unseen.
    const confidence = Math.min(polarity === 0 ? 0.9 : 0.5, 0.55 + 0.2 * refusals.weight);
    return { stance: 'no-comment', conditions: [], confidence, cueWeight: refusals.weight };
  }
  if (hedges.weight > Math.abs(polarity) && hedges.weight >= 1) {
    return {
      stance: 'hedged',
      conditions: [],
      confidence: Math.min(0.85, 0.5 + 0.15 * hedges.weight),
      cueWeight: hedges.weight,
    };
  }
  const evidence = Math.abs(polarity);
  // A weak cue in a story of what happened ("We came to agree on a mechanism") is no position either.
  if (evidence < 1 && conditions.weight === 0 && specific === 0 && describes(text))
    return { stance: 'no-position', conditions: [], confidence: 0.5 };
  if (topicId === null && evidence < 1)
    return { stance: 'no-position', conditions: [], confidence: evidence === 0 ? 0.7 : 0.5 };
  // How the talks went ("frank but constructive", "very good progress") and no word of a side stronger than a wish
  // ("both sides want an agreement"): a report on the meeting, not a position on its subject.
  if (evidence < TALKS_MAX_EVIDENCE && specific === 0 && conditions.counted === 0 && talks)
    return { stance: 'no-position', conditions: [], confidence: 0.6 };
  // On a topic without a cue: words that use the proposition's own terms mostly assert it, and deny it when a
  // negation governs those terms ("nobody will ask Ukraine to give up its land", "cannot fight a trade war").
  if (evidence === 0) {
    const termsAt = [...(lexicon?.terms ?? []), ...(lexicon?.strongTerms ?? [])].flatMap((term) =>
      occurrences(text, term).map((at) => ({ at, length: wordsOfPhrase(term).length })),
    );
    const denied =
      termsAt.length > 0 && termsAt.every(({ at, length }) => negatedAt(at) || deniedAfter(at, length));
    if (!denied && conditions.weight === 0 && describes(text))
      return { stance: 'no-position', conditions: [], confidence: 0.5 };
    // Only a condition proper ("provided the sanctions are lifted") makes the assertion conditional.
    if (conditions.counted > 0)
      return {
        stance: denied ? 'conditional-opposition' : 'conditional-support',
        conditions: conditionTexts,
        confidence: 0.4,
        cueWeight: conditions.counted,
      };
    return { stance: denied ? 'oppose' : 'support', conditions: [], confidence: denied ? 0.45 : 0.4 };
  }
  const base = Math.min(0.92, 0.5 + 0.12 * evidence + (specific !== 0 ? 0.1 : 0));
  if (conditions.counted >= 0.5) {
    const stance: Stance = polarity < 0 ? 'conditional-opposition' : 'conditional-support';
    return {
      stance,
      conditions: conditionTexts,
      confidence: Number(Math.min(0.85, base).toFixed(2)),
      cueWeight: evidence,
    };
  }
  return {
    stance: polarity > 0 ? 'support' : 'oppose',
    conditions: [],
    confidence: Number(base.toFixed(2)),
    specific: specific !== 0,
    cueWeight: evidence,
  };
};

const LEDE_TOPIC_MIN_SCORE = 4;
/** How far ahead of the next an opening's topic must be to lead on its own. */
const LEDE_LEAD = 1 / 3;
/** How many of the article's quotations must name one of an opening's close topics for them to decide. */
const LEDE_QUOTED_MIN = 2;
const GENERIC_NOUNS = new Set(
  (
    'minister president prime secretary spokesman spokeswoman spokesperson statement talks reporters people ' +
    'year years day days week time country countries government leader leaders official officials news interview ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december percent cent part side sides way thing things'
  ).split(' '),
);

/** The one entry that weighs the most, when it weighs at least `min` and more than any other. */
const clearlyMost = (entries: { topicId: string; weight: number }[], min: number): string | null => {
  const [first, second] = [...entries].sort((a, b) => b.weight - a.weight);
  return first && first.weight >= min && first.weight > (second?.weight ?? 0) ? first.topicId : null;
};

/**
 * The registered topic an article's opening is about, when one clearly leads (its evidence at least
 * LEDE_TOPIC_MIN_SCORE and a third ahead of the next): the subject of a quotation that takes a side without
 * naming it ("This is a betrayal", said of the tariffs the story is about). When others come within a third of it
 * (a broader subject the opening's words also serve: "defence spending" for a NATO spending target), the opening
 * alone does not say which; among those close topics, the headline decides, which states the story's subject in a
 * few words (the one it names most, if one), or else the article's quotations do (the one most of them name, if at
 * least LEDE_QUOTED_MIN do and more than any other close one). `quoted` holds the topic each quotation names.
 */
export const leadTopic = (
  topics: TopicLexicon[],
  lede: string,
  article: string,
  headline = '',
  quoted: (string | null)[] = [],
): string | null => {
  const text = plainWords(lede);
  const scored = anchoredTopics(topics, article)
    .map((lexicon) => ({ lexicon, ...evidence(lexicon, text) }))
    .filter((entry) => entry.specific)
    .sort((a, b) => b.score - a.score || a.lexicon.topicId.localeCompare(b.lexicon.topicId));
  const [best] = scored;
  if (!best || best.score < LEDE_TOPIC_MIN_SCORE) return null;
  const close = scored.filter((entry) => (best.score - entry.score) / best.score < LEDE_LEAD);
  if (close.length === 1) return best.lexicon.topicId;
  const head = plainWords(headline);
  const inHeadline = close.map(({ lexicon }) => {
    const found = evidence(lexicon, head);
    return { topicId: lexicon.topicId, weight: found.specific ? found.score : 0 };
  });
  const inQuotations = close.map(({ lexicon }) => ({
    topicId: lexicon.topicId,
    weight: quoted.filter((topicId) => topicId === lexicon.topicId).length,
  }));
  return clearlyMost(inHeadline, TOPIC_MIN_SCORE) ?? clearlyMost(inQuotations, LEDE_QUOTED_MIN);
};

/**
 * A topic for an editor to register, when the article's opening speaks to none of the registered ones: its most
 * frequent proper nouns that name no one, and its most frequent noun (`proposed.venezuela-boat-strike`). Null when
 * a registered topic fits the opening.
 */
export const proposeTopic = (
  topics: TopicLexicon[],
  lede: string,
  tokens: { text: string; pos: string; lemma: string; start: number }[],
  isPersonAt: (offset: number) => boolean,
): { id: string; title: string } | null => {
  const text = plainWords(lede);
  if (topics.some((lexicon) => score(lexicon, text) >= LEDE_TOPIC_MIN_SCORE)) return null;
  const counts = (pos: string) => {
    const found = new Map<string, number>();
    for (const token of tokens) {
      if (token.pos !== pos || isPersonAt(token.start) || token.text.length < 3) continue;
      const word = pos === 'PROPN' ? token.text : token.lemma.toLowerCase();
      if (GENERIC_NOUNS.has(word.toLowerCase())) continue;
      found.set(word, (found.get(word) ?? 0) + 1);
    }
    return [...found].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  };
  const words = [...counts('PROPN').slice(0, 2), ...counts('NOUN').slice(0, 1)];
  if (words.length === 0) return null;
  const title = words.join(' ');
  return { id: `proposed.${toKebab(title)}`, title };
};
