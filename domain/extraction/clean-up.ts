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
  /^\s*(?:share|key events|show key events only|updated|listen to (?:this )?article.*|\d+ min(?:ute)? read)\s*$/gim,
  /^\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:BST|GMT|CET|CEST|EST|EDT|ET|UTC|local time)?\s*$/gim,
  /^\s*by\s+(?:[A-Z][\p{L}.'’-]*\s*){1,4}(?:(?:and|&)\s+(?:[A-Z][\p{L}.'’-]*\s*){1,4})?$/gmu,
  /^\s*\(?\s*(?:reporting|writing|editing|additional reporting)\s+by\b.*$/gim,
  /^\s*(?:caption|photo|photograph|image|pictured)\s*:.*$/gim,
  /^.*\b(?:Photograph|Photo|Image|Picture|Credit)s?:\s*[^.\n]{0,60}$/gm,
];

/** A line that ends a sentence: punctuation, perhaps followed by closing marks, brackets or Markdown emphasis. */
const ENDS_SENTENCE = /(?:[.!?…:;]["'’”)\]*_]*|[.!?,…]["'’”][*_]*)\s*$/;
const HEADLINE_MAX_WORDS = 25;
/** Body text reports in the past tense; headlines say "says". A scraped body line may lose its full stop. */
const PAST_REPORTING =
  /\b(?:said|told|added|wrote|insisted|warned|stressed|argued|replied|declared|announced)\b/i;

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
  others: { words: string[]; set: Set<string>; earlier: boolean }[],
  endsLikeProse: boolean,
): boolean => {
  if (paragraph.length < 8) return false;
  const skippable = endsLikeProse ? 0 : Math.floor(paragraph.length * 0.3);
  for (let skip = 0; skip <= skippable; skip++) {
    const tail = paragraph.slice(skip);
    if (tail.length < 8) break;
    const found = others.some(
      ({ words: other, set, earlier }) =>
        (other.length > tail.length || (earlier && other.length === tail.length)) &&
        set.has(tail[0]) &&
        containsRun(other, tail),
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

/**
 * Guillemets as the curly marks the scanner reads, unit for unit so that no span moves: «…» (French, Spanish,
 * Russian; « spaced » too, the space and the mark then trade places) and »…« (German, Nordic), told apart by the
 * first one printed; ‹…› and ›…‹ likewise as single marks.
 */
export const guillemetsAsCurly = (text: string): string => {
  const first = /[«»‹›]/.exec(text);
  if (!first) return text;
  const left = first[0] === '«' || first[0] === '‹';
  const pairs: [string, string, string, string][] = [
    [left ? '«' : '»', left ? '»' : '«', '“', '”'],
    [left ? '‹' : '›', left ? '›' : '‹', '‘', '’'],
  ];
  let curly = text;
  for (const [open, close, opening, closing] of pairs)
    curly = curly
      .replace(new RegExp(`${open}([ \u00a0\u202f]?)`, 'g'), (_, space: string) => `${space}${opening}`)
      .replace(new RegExp(`([ \u00a0\u202f]?)${close}`, 'g'), (_, space: string) => `${closing}${space}`);
  return curly;
};

/**
 * Low-high marks as the curly marks the scanner reads, unit for unit: „…“ (German, Czech) and „…” (Polish,
 * Romanian) as “…”, ‚…‘ as ‘…’. A closing mark is the first “ or ” after an opening „, so an English “ elsewhere in
 * the text keeps its sense.
 */
export const lowHighAsCurly = (text: string): string => {
  if (!/[„‚]/.test(text)) return text;
  let double = false;
  let single = false;
  return text.replace(/[„‚“”‘]/g, (mark) => {
    if (mark === '„') {
      double = true;
      return '“';
    }
    if (mark === '‚') {
      single = true;
      return '‘';
    }
    if ((mark === '“' || mark === '”') && double) {
      double = false;
      return '”';
    }
    if (mark === '‘' && single) {
      single = false;
      return '’';
    }
    return mark;
  });
};

const SIGNATURE = /^\s*[—–]\s*\p{Lu}/u;
/** A byline: "By" and a name or two, perhaps a place or a desk after a comma or a bar. */
const BYLINE_LINE =
  /^\s*By\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&))*\s*(?:[,|]\s*[^\n]{0,80})?$/u;

export const cleanArticleText = (printed: string): CleanedText => {
  const original = lowHighAsCurly(guillemetsAsCurly(unwrapLines(printed)));
  // split('') cuts by UTF-16 unit, the unit of every span.
  const chars = original.split('');
  const removed: Span[] = [];
  let current: string | null = original;
  const remove = (start: number, end: number) => {
    if (end <= start) return;
    blank(chars, start, end);
    removed.push({ start, end });
    current = null;
  };
  for (const pattern of [...INLINE_NOISE, ...NOISE_LINES]) {
    const before: string = current ?? chars.join('');
    current = before;
    for (const match of before.matchAll(pattern)) remove(match.index, match.index + match[0].length);
  }
  const masked = current ?? chars.join('');
  const paragraphs = paragraphSpans(masked).map((span) => ({
    span,
    words: words(masked.slice(span.start, span.end)),
    set: new Set(words(masked.slice(span.start, span.end))),
    text: masked.slice(span.start, span.end).trim(),
  }));
  paragraphs.forEach((paragraph, index) => {
    const wasCaption = /\(\s*pictured/i.test(original.slice(paragraph.span.start, paragraph.span.end));
    const endsLikeProse = /[.!?…:]["'’”)]*\s*$|[’”"]\.?\s*$/.test(paragraph.text) && !wasCaption;
    const others = paragraphs
      .map((other, at) => ({ words: other.words, set: other.set, earlier: at < index }))
      .filter((_, at) => at !== index);
    if (
      isRepeatedCaption(paragraph.words, others, endsLikeProse) ||
      repeatsQuotation(paragraph.text, endsLikeProse, masked, paragraph.span)
    ) {
      remove(paragraph.span.start, paragraph.span.end);
    }
  });
  // A headline and a standfirst stand above the byline ("By Oksana Hrytsenko, Kyiv"): the story starts below it.
  const top = paragraphSpans(original).slice(0, 4);
  const byline = top.findIndex((span) => BYLINE_LINE.test(original.slice(span.start, span.end)));
  if (byline > 0) remove(top[0].start, top[byline - 1].end);
  const kept = paragraphSpans(chars.join(''));
  kept.forEach((span, index) => {
    const paragraph = chars.slice(span.start, span.end).join('');
    // A round-up's signature under the words it signs ("“…”" then "— Emmanuel Macron, French president") stays.
    const previous = kept[index - 1];
    const signs =
      SIGNATURE.test(paragraph) &&
      previous !== undefined &&
      /[”"’»]\s*$/.test(chars.slice(previous.start, previous.end).join(''));
    // Headlines, subheads, key-event lists and captions: short lines that end no sentence quote nobody.
    if (
      !signs &&
      !ENDS_SENTENCE.test(paragraph) &&
      !PAST_REPORTING.test(paragraph) &&
      paragraph.split(/\s+/).filter(Boolean).length <= HEADLINE_MAX_WORDS
    )
      remove(span.start, span.end);
  });
  removed.sort((a, b) => a.start - b.start);
  return { text: chars.join(''), removed };
};

const WRAP_WIDTH_MAX = 100;
/**
 * A line that stops inside a sentence: on a comma, before a line opening in lower case, or on a word inside a
 * quotation it opened (“We will stand with our / Pacific family,”).
 */
const breaksMidSentence = (line: string, next: string): boolean => {
  if (/[,;]$/.test(line) || /^\s*\p{Ll}/u.test(next)) return true;
  if (!/[\p{L}\d]$/u.test(line)) return false;
  const opened = (line.match(/“/g) ?? []).length > (line.match(/”/g) ?? []).length;
  return opened || (line.match(/"/g) ?? []).length % 2 === 1;
};

/**
 * Hard line breaks inside paragraphs (wire copy and plain-text mail wrap every line at a fixed width) become
 * spaces, so a sentence or a quotation broken over lines is one again; offsets do not move. A text is wrapped
 * when most of its lines that run on fill up to one width; a break is a wrap when the line before it fills the
 * width, or when paragraphs are set apart by blank lines and the break is single.
 */
export const unwrapLines = (text: string): string => {
  const lines = text.split('\n');
  const runsOn = (index: number) => index + 1 < lines.length && lines[index + 1].trim() !== '';
  const widths = lines
    .filter((line, index) => runsOn(index) && line.trim() !== '')
    .map((line) => line.trimEnd().length);
  const chars = text.split('');
  const width = widths.length >= 4 ? Math.max(...widths) : 0;
  const filling = widths.filter((length) => length >= width - 25).length;
  const wrapped = widths.length >= 4 && width <= WRAP_WIDTH_MAX && filling >= widths.length * 0.6;
  if (!wrapped) {
    // Paragraphs set apart by blank lines: a single break in the middle of a sentence (the line ends on a word or
    // a comma, not on a full stop or a closing mark) is a wrap, whatever the widths. Not after the first line,
    // which may be a headline.
    if (!lines.some((line) => line.trim() === '')) return text;
    let at = 0;
    lines.forEach((line, index) => {
      at += line.length;
      const trimmed = line.trimEnd();
      if (index > 0 && runsOn(index) && trimmed !== '' && breaksMidSentence(trimmed, lines[index + 1]))
        chars[at] = ' ';
      at += 1;
    });
    return chars.join('');
  }
  let offset = 0;
  lines.forEach((line, index) => {
    offset += line.length;
    if (runsOn(index) && line.trim() !== '' && line.trimEnd().length >= width - 25) chars[offset] = ' ';
    offset += 1;
  });
  return chars.join('');
};
