import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from './text-spans';

/**
 * The one door to the NLP library (wink-nlp with its English light model, shipped in the npm package, no network):
 * everything else in the extractor sees only these types, so the library can be swapped here alone.
 */
export type Token = Span & {
  text: string;
  /** Universal POS tag: PROPN, NOUN, VERB, AUX, PRON, ADJ, PART, PUNCT, ... */
  pos: string;
  lemma: string;
  /** Inside the scope of a negation ("will not *support* it"). */
  negated: boolean;
};

export type Analysis = { tokens: Token[]; sentences: Span[] };

const nlp = winkNLP(model);
const WORD = /^\p{L}+$/u;
const ASCII_WORD = /^[A-Za-z]+$/;
const its = nlp.its;

/** Tokens with their offsets into `text` (wink keeps every character, so offsets add up exactly) and sentences. */
export const analyseText = (text: string): Analysis => {
  const doc = nlp.readDoc(text);
  // Each property read for every token at once: one pass of the library per property, not one call per token.
  const all = doc.tokens();
  const values = all.out() as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const lemmas = all.out(its.lemma as unknown as typeof its.pos) as string[];
  const negated = all.out(its.negationFlag) as unknown as boolean[];
  const spans: Span[] = [];
  const tokens: Token[] = [];
  let offset = 0;
  for (let index = 0; index < values.length; index++) {
    offset += spaces[index].length;
    const value = values[index];
    spans.push({ start: offset, end: offset + value.length });
    const previous = tokens[tokens.length - 1];
    // The model cuts words at letters it does not know ("Rāwiri" as "R", "ā", "wiri"; "Łukasz"): glued pieces of
    // letters are one word again, a name when it starts with a capital.
    if (
      previous !== undefined &&
      previous.end === offset &&
      WORD.test(value) &&
      WORD.test(previous.text) &&
      (!ASCII_WORD.test(value) || !ASCII_WORD.test(previous.text))
    ) {
      previous.text += value;
      previous.end += value.length;
      previous.lemma = previous.text.toLowerCase();
      previous.negated ||= negated[index];
      if (/^\p{Lu}/u.test(previous.text)) previous.pos = 'PROPN';
    } else if (value.trim() !== '')
      tokens.push({
        start: offset,
        end: offset + value.length,
        text: value,
        pos: pos[index],
        lemma: lemmas[index],
        negated: negated[index],
      });
    offset += value.length;
  }
  const sentences: Span[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    if (spans[first] && spans[last]) sentences.push({ start: spans[first].start, end: spans[last].end });
  });
  return { tokens, sentences };
};

/** The tokens lying within a span, in order (binary search: tokens are sorted by offset). */
export const tokensWithin = (tokens: Token[], span: Span): Token[] => {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start < span.start) low = middle + 1;
    else high = middle;
  }
  const found: Token[] = [];
  for (let at = low; at < tokens.length && tokens[at].end <= span.end; at++) found.push(tokens[at]);
  return found;
};
