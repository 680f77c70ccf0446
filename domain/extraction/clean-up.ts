import { paragraphSpans, type Span } from './text-spans';

/**
 * The article with its noise blanked out: every removed character becomes a space (line breaks stay), so the
 * cleaned text has the original's length and every offset found in it is an offset in the original.
 */
export type CleanedText = { text: string; removed: Span[] };

const INLINE_NOISE: RegExp[] = [
  /<image\b[^>]*>[\s\S]*?<\/image>/gi,
  /<(?:img|figure|figcaption|picture|source|iframe|video)\b[^>]*>(?:[\s\S]*?<\/(?:figure|figcaption|picture|iframe|video)>)?/gi,
  /<\/?[a-z][a-z0-9]*\b[^>]*>/gi,
  /!\[[^\]\n]*\]\([^)\n]*\)/g,
  /\(\s*pictured(?:[^)\n]{0,30})?\)/gi,
  /\(\s*(?:Getty(?: Images)?|Reuters|AP|AFP|PA(?: Media| Wire)?|EPA|Alamy|Shutterstock|Bloomberg|Sky News|BBC)\s*\)/g,
  /Images are for reference only\.?/gi,
  /Images and contents gathered automatic(?:ally)? from[^.\n]*\.?/gi,
  /All rights on the images and contents are with their legal original owners\.?/gi,
];

const NOISE_LINES: RegExp[] = [
  /^\s*open image in gallery\b.*$/gim,
  /^\s*(?:view|enlarge|expand) image\b.*$/gim,
  /^\s*(?:sign up|subscribe)\b.*\b(?:newsletter|inbox|email)\b.*$/gim,
  /^.*\bnewsletter\b.*\b(?:delivered|inbox|sign up|subscribe)\b.*$/gim,
  /^.*\bdelivered straight to your inbox\b.*$/gim,
  /^\s*(?:advertisement|skip past newsletter promotion|after newsletter promotion|share this article|read more:?.*|related:.*|follow us on .*|click here .*|copyright .*|©.*)\s*$/gim,
];

const blank = (chars: string[], start: number, end: number): void => {
  for (let at = start; at < end; at++) if (chars[at] !== '\n') chars[at] = ' ';
};

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[‘’“”"']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const containsRun = (haystack: string[], needle: string[]): boolean => {
  outer: for (let from = 0; from + needle.length <= haystack.length; from++) {
    for (let at = 0; at < needle.length; at++) if (haystack[from + at] !== needle[at]) continue outer;
    return true;
  }
  return false;
};

/**
 * A caption repeated inline: a paragraph whose words (but perhaps its first few, where "The PM" became "Keir
 * Starmer") stand word for word in another paragraph, or a paragraph repeated verbatim.
 */
const isRepeatedCaption = (
  paragraph: string[],
  others: { words: string[]; earlier: boolean }[],
  endsLikeProse: boolean,
): boolean => {
  if (paragraph.length < 8) return false;
  const skippable = endsLikeProse ? 0 : Math.floor(paragraph.length * 0.3);
  for (let skip = 0; skip <= skippable; skip++) {
    const tail = paragraph.slice(skip);
    if (tail.length < 8) break;
    const found = others.some(
      ({ words: other, earlier }) =>
        (other.length > tail.length || (earlier && other.length === tail.length)) && containsRun(other, tail),
    );
    if (found) return true;
  }
  return false;
};

/** A caption (no closing punctuation, short) whose quoted words stand in the body as well. */
const repeatsQuotation = (paragraph: string, endsLikeProse: boolean, text: string, span: Span): boolean => {
  if (endsLikeProse || words(paragraph).length > 40) return false;
  const quoted = /[“"‘]([^”"’]{6,})[”"’]/.exec(paragraph);
  if (!quoted) return false;
  const elsewhere = text.slice(0, span.start) + text.slice(span.end);
  return elsewhere.includes(quoted[1].replace(/[.,]$/, ''));
};

export const cleanArticleText = (original: string): CleanedText => {
  // split('') cuts by UTF-16 unit, the unit of every span.
  const chars = original.split('');
  const removed: Span[] = [];
  const remove = (start: number, end: number) => {
    if (end <= start) return;
    blank(chars, start, end);
    removed.push({ start, end });
  };
  for (const pattern of [...INLINE_NOISE, ...NOISE_LINES]) {
    const current = chars.join('');
    for (const match of current.matchAll(pattern)) remove(match.index, match.index + match[0].length);
  }
  const masked = chars.join('');
  const paragraphs = paragraphSpans(masked).map((span) => ({
    span,
    words: words(masked.slice(span.start, span.end)),
    text: masked.slice(span.start, span.end).trim(),
  }));
  paragraphs.forEach((paragraph, index) => {
    const wasCaption = /\(\s*pictured/i.test(original.slice(paragraph.span.start, paragraph.span.end));
    const endsLikeProse = /[.!?…:]["'’”)]*\s*$|[’”"]\.?\s*$/.test(paragraph.text) && !wasCaption;
    const others = paragraphs
      .map((other, at) => ({ words: other.words, earlier: at < index }))
      .filter((_, at) => at !== index);
    if (
      isRepeatedCaption(paragraph.words, others, endsLikeProse) ||
      repeatsQuotation(paragraph.text, endsLikeProse, masked, paragraph.span)
    ) {
      remove(paragraph.span.start, paragraph.span.end);
    }
  });
  removed.sort((a, b) => a.start - b.start);
  return { text: chars.join(''), removed };
};
