import type { Stance } from '../positions/stance';
import type { Condition } from '../positions/position.events';
import type { StanceCue, StanceCues, TopicLexicon } from './extraction.types';

export type TopicGuess = { topicId: string | null; confidence: number };
export type StanceGuess = { stance: Stance | null; conditions: Condition[]; confidence: number };

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

const occurrences = (haystack: string, phrase: string): number[] => {
  const needle = plainWords(phrase);
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
};

const score = (lexicon: TopicLexicon, text: string): number =>
  lexicon.terms.reduce((sum, term) => sum + Math.min(2, occurrences(text, term).length), 0) +
  (lexicon.strongTerms ?? []).reduce((sum, term) => sum + 3 * Math.min(2, occurrences(text, term).length), 0);

/**
 * The topic a quotation speaks to, from each topic's lexicon: the quotation's own words count fully, the sentence
 * that frames it half. Confidence grows with the evidence and with the lead over the runner-up.
 */
export const guessTopic = (topics: TopicLexicon[], quote: string, frame: string): TopicGuess => {
  const quoted = plainWords(quote);
  const framed = plainWords(frame);
  const scored = topics
    .map((lexicon) => ({
      topicId: lexicon.topicId,
      score: score(lexicon, quoted) + 0.5 * score(lexicon, framed),
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.topicId.localeCompare(b.topicId));
  if (scored.length === 0) return { topicId: null, confidence: 0 };
  const [best, second] = scored;
  const strength = Math.min(1, best.score / 4);
  const lead = second ? (best.score - second.score) / best.score : 1;
  return { topicId: best.topicId, confidence: Number((0.3 + 0.45 * strength + 0.2 * lead).toFixed(2)) };
};

const weigh = (text: string, cues: StanceCue[]): { weight: number; at: number[]; phrases: string[] } => {
  const at: number[] = [];
  const phrases: string[] = [];
  let weight = 0;
  for (const cue of cues) {
    const found = occurrences(text, cue.phrase);
    if (found.length > 0) {
      weight += cue.weight;
      at.push(...found);
      phrases.push(cue.phrase);
    }
  }
  return { weight, at, phrases };
};

const NEGATION_REACH = 24;

/**
 * The stance a quotation takes, from cue phrases kept as data: support and opposition cues (a support cue under a
 * negation counts against), conditions ("if", "unless", "beyond") that make it conditional, hedges and refusals.
 */
export const guessStance = (cues: StanceCues, quote: string, topicId: string | null): StanceGuess => {
  const text = plainWords(quote);
  const negations = weigh(text, cues.negation);
  const negatedAt = (at: number) =>
    negations.at.some((negation) => negation < at && at - negation <= NEGATION_REACH);
  let support = 0;
  let oppose = 0;
  for (const cue of cues.support) {
    for (const at of occurrences(text, cue.phrase)) {
      if (negatedAt(at)) oppose += cue.weight;
      else support += cue.weight;
    }
  }
  for (const cue of cues.oppose) for (const _ of occurrences(text, cue.phrase)) oppose += cue.weight;
  const conditions = weigh(text, cues.condition);
  const hedges = weigh(text, cues.hedge);
  const refusals = weigh(text, cues.noComment);
  const polarity = support - oppose;
  const conditionTexts = quote
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) =>
      conditions.phrases.some((phrase) => plainWords(sentence).includes(plainWords(phrase))),
    )
    .map((sentence) => ({ text: sentence.trim(), topicId }));
  if (refusals.weight > 0 && refusals.weight >= Math.abs(polarity)) {
    return { stance: 'no-comment', conditions: [], confidence: Math.min(0.9, 0.55 + 0.2 * refusals.weight) };
  }
  if (hedges.weight > Math.abs(polarity)) {
    return { stance: 'hedged', conditions: [], confidence: Math.min(0.85, 0.5 + 0.15 * hedges.weight) };
  }
  const evidence = Math.abs(polarity);
  const base = Math.min(0.9, 0.5 + 0.12 * evidence + (support > 0 && oppose > 0 ? -0.1 : 0));
  if (conditions.weight >= 0.5) {
    const stance: Stance = polarity < 0 ? 'conditional-opposition' : 'conditional-support';
    return { stance, conditions: conditionTexts, confidence: Number(Math.min(0.85, base).toFixed(2)) };
  }
  if (polarity === 0) return { stance: 'support', conditions: [], confidence: 0.4 };
  return { stance: polarity > 0 ? 'support' : 'oppose', conditions: [], confidence: Number(base.toFixed(2)) };
};
