import { paragraphSpans, type Span } from './text-spans';

export type QuoteStyle = 'double' | 'single';

/** One quoted piece: `start` is its opening mark, `end` is just past its closing mark (or its paragraph's end). */
export type QuotedPart = Span & { inner: Span; closed: boolean };

/** A quotation as printed: one piece, or several when it runs over paragraphs. */
export type ScannedQuote = { style: QuoteStyle; parts: QuotedPart[] };

const LETTER = /[\p{L}\p{N}]/u;
const OPENERS_BEFORE = /[\s([{—–\-/:;,]/;
const SENTENCE_END_BEFORE = /[.!?…:;,—–-]["”’']?\s+$/;

const isLetter = (char: string | undefined): boolean => char !== undefined && LETTER.test(char);

/** A straight or curly single mark that opens a quotation rather than eliding ("’90s", "rock ’n’ roll"). */
const opensSingle = (text: string, at: number, paragraphStart: number): boolean => {
  const before = at === paragraphStart ? ' ' : text[at - 1];
  if (!OPENERS_BEFORE.test(before) && !/["“]/.test(before)) return false;
  const after = text.slice(at + 1, at + 5);
  if (!isLetter(after[0]) && !/["“]/.test(after[0] ?? '')) return false;
  return !/^(?:\d0s|n[’']|em\b|tis\b|twas\b|til\b|cause\b)/i.test(after);
};

/** How likely a single mark at `at` closes the quotation: 2 sure, 1 perhaps (a plural possessive), 0 not. */
const singleCloserStrength = (text: string, at: number, paragraphEnd: number): number => {
  const before = text[at - 1];
  const after = at + 1 < paragraphEnd ? text[at + 1] : undefined;
  if (isLetter(after)) return 0;
  if (before === undefined || /\s/.test(before)) return 0;
  if (/[sS]/.test(before) && after !== undefined && /\s/.test(after)) {
    const next = /^\s+(\S+)/.exec(text.slice(at + 1, paragraphEnd));
    if (next && /^\p{Ll}/u.test(next[1]) && !/^(?:he|she|they|said|says|added|according)\b/.test(next[1]))
      return 1;
  }
  return 2;
};

const DOUBLE_MARK = /["“”]/;
/** The attribution after a closing mark: a pronoun, "the minister" or a name, then a verb of saying. */
const ORPHAN_ATTRIBUTION =
  /^\s+(?:he|she|they|the\s+\p{Ll}+(?:\s+\p{Ll}+)?|\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s+(?:said|says|added|specified|stressed|insisted|told|noted|explained|warned|declared|emphasi[sz]ed)\b/u;

/**
 * A double mark placed as a closer: after a word or punctuation, before a space, punctuation or the end. An opening
 * curly mark placed so counts too: converted copy closes with “ ("feed children,“ Safadi said").
 */
const closesDouble = (text: string, at: number, end: number): boolean => {
  const before = text[at - 1];
  const after = at + 1 < end ? text[at + 1] : undefined;
  if (before === undefined || /\s/.test(before) || isLetter(after)) return false;
  return text[at] !== '“' || after === undefined || /[\s.,;:!?)\]]/.test(after);
};

/** A double mark placed as an opener: after a space or an opening bracket, before a word. */
const opensDouble = (text: string, at: number, start: number): boolean => {
  const before = at === start ? ' ' : text[at - 1];
  const after = text[at + 1];
  return (
    text[at] !== '”' &&
    (OPENERS_BEFORE.test(before) || /[‘']/.test(before)) &&
    after !== undefined &&
    (isLetter(after) || /[‘'….]/.test(after))
  );
};

/**
 * Where a double quotation opened at `open` closes, in any mix of curly and straight marks (outlets open with “ and
 * close with " after an edit), skipping nested quotations; -1 when none closes before `end`.
 */
const findMatchingDouble = (text: string, open: number, start: number, end: number): number => {
  for (let at = open + 1; at < end; at++) {
    if (!DOUBLE_MARK.test(text[at])) continue;
    if (opensDouble(text, at, start) && !closesDouble(text, at, end)) {
      const nested = findMatchingDouble(text, at, start, end);
      if (nested < 0) return -1;
      at = nested;
      continue;
    }
    if (closesDouble(text, at, end)) return at;
  }
  return -1;
};

/** Where a quotation opened at `open` closes in its paragraph, -1 when it runs to the paragraph's end. */
const findCloser = (
  text: string,
  open: number,
  style: QuoteStyle,
  straight: boolean,
  paragraph: Span,
): number => {
  if (style === 'double') {
    for (let at = open + 1; at < paragraph.end; at++) {
      if (!DOUBLE_MARK.test(text[at])) continue;
      if (opensDouble(text, at, paragraph.start) && !closesDouble(text, at, paragraph.end)) {
        // A fresh opening mark after a finished sentence is the next paragraph of the quotation run together.
        if (SENTENCE_END_BEFORE.test(text.slice(open + 1, at))) return -2 - at;
        const nested = findMatchingDouble(text, at, paragraph.start, paragraph.end);
        if (nested < 0) return -1;
        at = nested;
        continue;
      }
      if (closesDouble(text, at, paragraph.end)) return at;
    }
    return -1;
  }
  let perhaps = -1;
  for (let at = open + 1; at < paragraph.end; at++) {
    const char = text[at];
    if (char === '“' || (char === '"' && opensDouble(text, at, paragraph.start))) {
      const nested = findMatchingDouble(text, at, paragraph.start, paragraph.end);
      if (nested > 0) at = nested;
      continue;
    }
    if (char === (straight ? "'" : '‘') && SENTENCE_END_BEFORE.test(text.slice(open + 1, at))) {
      return perhaps >= 0 ? perhaps : -2 - at;
    }
    // Either single closing mark closes either opening one: converted copy opens with ' and closes with ’.
    if (char !== "'" && char !== '’') continue;
    const strength = singleCloserStrength(text, at, paragraph.end);
    if (strength === 2) return at;
    if (strength === 1 && perhaps < 0) perhaps = at;
  }
  return perhaps;
};

const firstMark = (text: string, paragraph: Span): { at: number; char: string } | null => {
  const match = /\S/.exec(text.slice(paragraph.start, paragraph.end));
  return match ? { at: paragraph.start + match.index, char: match[0] } : null;
};

const trimmedInner = (text: string, start: number, end: number): Span => {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return { start: from, end: to };
};

const openerAt = (
  text: string,
  at: number,
  paragraph: Span,
): { style: QuoteStyle; straight: boolean } | null => {
  const char = text[at];
  if (char === '“') return { style: 'double', straight: false };
  if (char === '"') {
    const before = at === paragraph.start ? ' ' : text[at - 1];
    return OPENERS_BEFORE.test(before) || /[‘'“]/.test(before) ? { style: 'double', straight: true } : null;
  }
  if (char === '‘' && opensSingle(text, at, paragraph.start)) return { style: 'single', straight: false };
  if (char === "'" && opensSingle(text, at, paragraph.start)) return { style: 'single', straight: true };
  return null;
};

/**
 * A paragraph that lost its opening mark: it starts with a capital, its first double mark closes and is followed by
 * the attribution (`… something else“, he specified.`). Returns the closing mark, or null.
 */
const orphanCloser = (text: string, paragraph: Span): number | null => {
  const first = firstMark(text, paragraph);
  if (!first || !/\p{Lu}/u.test(first.char)) return null;
  for (let at = first.at + 1; at < paragraph.end; at++) {
    if (!DOUBLE_MARK.test(text[at])) continue;
    if (!closesDouble(text, at, paragraph.end) || opensDouble(text, at, paragraph.start)) return null;
    const tail = text.slice(at + 1, Math.min(paragraph.end, at + 60));
    const endsWithComma = /,$/.test(text.slice(first.at, at).trimEnd()) || tail.startsWith(',');
    return endsWithComma && ORPHAN_ATTRIBUTION.test(tail.replace(/^,/, '')) ? at : null;
  }
  return null;
};

/** A verb of saying and what may follow it before the quotation opens: `he said:`, `she told reporters,`. */
const INTRODUCED =
  /\b(?:said|says|told\s+[\p{L} ]{1,30}|added|stated|warned|wrote|insisted|declared|argued|stressed|replied|according\s+to\s+[\p{L} .'’-]{1,40})\s*[:,]\s*$/u;
const ENDS_SENTENCE_OPEN = /[.!?…]$/;

/** A sentence's end inside a quotation, with another sentence after it. */
const SENTENCE_BREAK = /[.!?…]\s+\p{Lu}/u;

/**
 * A quotation whose closing mark the printer dropped: one paragraph, introduced by a verb of saying (or opening the
 * paragraph), at least four words, and its sentence finished where the paragraph ends. A statement of two sentences
 * or more (twelve words at least) is one even when the printer dropped its last stop too ("… when the politics get
 * difficult"), and even when it opens after a sentence of narrative ("… enough promises. “Every time …").
 */
const leftOpen = (text: string, quote: ScannedQuote, paragraph: Span): boolean => {
  if (quote.parts.length !== 1) return false;
  const [part] = quote.parts;
  const inner = text.slice(part.inner.start, part.inner.end);
  const words = inner.split(/\s+/).length;
  const statement = words >= 12 && SENTENCE_BREAK.test(inner);
  if (!(ENDS_SENTENCE_OPEN.test(inner) || statement) || words < 4) return false;
  const before = text.slice(paragraph.start, part.start);
  if (before.trim() === '') return words >= 8;
  return INTRODUCED.test(before) || (statement && /[.!?]\s+$/.test(before));
};

/**
 * Every quotation in the text, in every house style: curly or straight, double or single marks (where the closing
 * single mark is also the apostrophe), nested quotations left inside their host, and quotations continued over
 * paragraphs (a paragraph that opens a quotation and does not close it, the next one opening again).
 */
export const scanQuotations = (text: string): ScannedQuote[] => {
  const paragraphs = paragraphSpans(text);
  const quotes: ScannedQuote[] = [];
  let current: ScannedQuote | null = null;
  let pending: { style: QuoteStyle; straight: boolean; openChar: string } | null = null;

  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    let at = paragraph.start;
    if (pending && current) {
      const first = firstMark(text, paragraph);
      if (first && first.char === pending.openChar) at = first.at;
      else {
        // A quotation opened and never closed nor continued is a stray mark, unless it reads as a statement left
        // open by the printer.
        if (leftOpen(text, current, paragraphs[index - 1])) quotes.push(current);
        current = null;
        pending = null;
      }
    }
    const orphan = pending ? null : orphanCloser(text, paragraph);
    if (orphan) {
      const first = firstMark(text, paragraph)!;
      quotes.push({
        style: 'double',
        parts: [
          { start: first.at, end: orphan + 1, inner: trimmedInner(text, first.at, orphan), closed: true },
        ],
      });
      at = orphan + 1;
    }
    while (at < paragraph.end) {
      const opener: { style: QuoteStyle; straight: boolean } | null =
        pending ?? openerAt(text, at, paragraph);
      if (!opener) {
        at++;
        continue;
      }
      const style: QuoteStyle = opener.style;
      const straight: boolean = opener.straight;
      pending = null;
      const close = findCloser(text, at, style, straight, paragraph);
      if (close >= 0) {
        const part = { start: at, end: close + 1, inner: trimmedInner(text, at + 1, close), closed: true };
        if (current) current.parts.push(part);
        else current = { style, parts: [part] };
        quotes.push(current);
        current = null;
        at = close + 1;
        continue;
      }
      const runsOn = close < -1 ? -2 - close : paragraph.end;
      const end = trimmedInner(text, at, runsOn).end;
      const part = { start: at, end, inner: trimmedInner(text, at + 1, end), closed: false };
      if (current) current.parts.push(part);
      else current = { style, parts: [part] };
      if (close < -1) {
        at = runsOn;
        pending = { style, straight, openChar: text[runsOn] };
        continue;
      }
      pending = { style, straight, openChar: text[at] };
      at = paragraph.end;
    }
  }
  if (pending && current && leftOpen(text, current, paragraphs[paragraphs.length - 1])) quotes.push(current);
  return quotes
    .map((quote) => ({ ...quote, parts: quote.parts.filter((part) => part.inner.end > part.inner.start) }))
    .filter(
      (quote) =>
        quote.parts.length > 0 && (quote.parts[quote.parts.length - 1].closed || quote.parts.length === 1),
    );
};

export const quotedText = (text: string, quote: ScannedQuote): string =>
  quote.parts
    .map((part) => text.slice(part.inner.start, part.inner.end))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
