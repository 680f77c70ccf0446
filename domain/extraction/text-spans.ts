/** A half-open span [start, end) of character offsets into the original article text. */
export type Span = { start: number; end: number };

export const OPENING_DOUBLE = '“';
export const CLOSING_DOUBLE = '”';
export const OPENING_SINGLE = '‘';
export const CLOSING_SINGLE = '’';

/** Paragraphs of the text (split on line breaks), as spans, skipping blank lines. */
export const paragraphSpans = (text: string): Span[] => {
  const spans: Span[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].trim().length > 0) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
};

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'st',
  'jr',
  'sr',
  'no',
  'vs',
  'prof',
  'sgt',
  'capt',
  'maj',
  'adm',
  'lt-gen',
  'rev',
  'hon',
]);

const MONTHS = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

/** True when the full stop at `index` ends a sentence rather than an abbreviation ("Mr.", "U.S.", "Sen."). */
export const isSentenceEndingStop = (text: string, index: number): boolean => {
  const before = /([A-Za-z.-]+)$/.exec(text.slice(Math.max(0, index - 12), index));
  if (!before) return true;
  const word = before[1].toLowerCase();
  if (ABBREVIATIONS.has(word.replace(/^\.+/, ''))) return false;
  // "Aug. 29", "Sept. 9": a month shortened before its day.
  if (MONTHS.test(word) && /^\s+\d/.test(text.slice(index + 1, index + 4))) return false;
  if (/^(?:[a-z]\.)+[a-z]$/.test(word)) return false;
  return true;
};

/** Where the sentence holding `index` ends (exclusive), looking no further than `ceiling`. */
export const sentenceEnd = (
  text: string,
  index: number,
  ceiling: number,
  insideQuote: (offset: number) => boolean = () => false,
): number => {
  for (let at = index; at < ceiling; at++) {
    const char = text[at];
    if ((char === '.' || char === '?' || char === '!') && !insideQuote(at)) {
      const next = text[at + 1] ?? ' ';
      if (/\s/.test(next) && (char !== '.' || isSentenceEndingStop(text, at))) return at + 1;
    }
  }
  return ceiling;
};

export const countWords = (text: string): number =>
  text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
