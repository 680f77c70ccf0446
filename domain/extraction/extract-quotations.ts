import { buildActorDirectory, findMentions, type Mention } from './actor-mentions';
import {
  genderOfSpeaker,
  isPerson,
  leadingAttribution,
  REPORTING_VERB,
  resolveMention,
  sentenceSubject,
  trailingAttribution,
  TITLE_WORDS,
  type Attributed,
  type AttributionContext,
  type TimelineEntry,
} from './attribution';
import { cleanArticleText } from './clean-up';
import { findSaidOn, type SaidOn } from './dating';
import type {
  ArticleInput,
  ExtractedQuotation,
  ExtractionKnowledge,
  SpeakerResolution,
} from './extraction.types';
import { quotedText, scanQuotations, type ScannedQuote } from './quote-scanner';
import { countWords, paragraphSpans, sentenceEnd, type Span } from './text-spans';
import { guessStance, guessTopic } from './topic-stance';
import { toKebab } from '../shared/ids';

type Quote = ScannedQuote & { start: number; end: number; paragraph: number; splitGap: Span | null };
type Found = { attribution: Attributed | null; explicit: boolean; from: 'leading' | 'trailing' | 'context' };

const SPLIT_GAP_MAX_WORDS = 30;

const withinSpan = (spans: Span[], offset: number): number =>
  spans.findIndex((span) => span.start <= offset && offset < span.end);

const sentencesOf = (text: string, paragraph: Span, insideQuote: (offset: number) => boolean): Span[] => {
  const sentences: Span[] = [];
  let start = paragraph.start;
  while (start < paragraph.end) {
    const end = sentenceEnd(text, start, paragraph.end, insideQuote);
    sentences.push({ start, end });
    start = end;
  }
  return sentences;
};

const insertByOffset = (timeline: TimelineEntry[], entry: TimelineEntry) => {
  let at = timeline.length;
  while (at > 0 && timeline[at - 1].offset > entry.offset) at--;
  timeline.splice(at, 0, entry);
};

const wordsOf = (text: string, quote: Quote): number =>
  countWords(quote.parts.map((part) => text.slice(part.inner.start, part.inner.end)).join(' '));

/** "“We want to work with you,” he said. “We want a new partnership…”": one quotation split by its attribution. */
const mergeSplitQuotes = (text: string, quotes: Quote[], paragraphs: Span[]): Quote[] => {
  const merged: Quote[] = [];
  for (const quote of quotes) {
    const previous = merged.at(-1);
    if (previous && previous.paragraph === quote.paragraph) {
      const gap = text.slice(previous.end, quote.start);
      const lastInner = previous.parts[previous.parts.length - 1].inner;
      const previousEnds = text.slice(lastInner.start, lastInner.end).trimEnd().at(-1) ?? '';
      const verb = REPORTING_VERB.exec(gap);
      const shortGap = countWords(gap) <= SPLIT_GAP_MAX_WORDS && !/[“”"‘]/.test(gap) && /[.,]\s*$/.test(gap);
      const continues = /[,;–—-]/.test(previousEnds) || !/[.!?…]/.test(previousEnds);
      const fragments =
        !verb &&
        countWords(gap) <= 3 &&
        !/[.!?,;:]/.test(gap) &&
        Math.min(wordsOf(text, previous), wordsOf(text, quote)) <= 2;
      const opening = text.slice(paragraphs[previous.paragraph].start, previous.start);
      const opensSentence = /^\s*$/.test(opening.split(/[.!?]["”’']?\s+/).at(-1) ?? '');
      const split =
        verb && shortGap && continues && opensSentence && countWords(gap.slice(0, verb.index)) <= 6;
      if (fragments || split) {
        previous.splitGap ??= { start: previous.end, end: quote.start };
        previous.parts.push(...quote.parts);
        previous.end = quote.end;
        continue;
      }
    }
    merged.push(quote);
  }
  return merged;
};

/** Full names printed outside quotations, by surname, so that a later "Graham said" finds "Lindsey Graham". */
const fullNamesIn = (text: string, insideQuote: (offset: number) => boolean): Map<string, string> => {
  const names = new Map<string, string>();
  for (const match of text.matchAll(
    /(?<![\p{L}])(?:[A-Z][\p{Ll}’'-]+\s+){1,3}[A-Z][\p{Ll}’'-]+(?![\p{L}])/gu,
  )) {
    if (insideQuote(match.index)) continue;
    const words = match[0].split(/\s+/).filter((word) => !TITLE_WORDS.has(word.toLowerCase()));
    if (words.length >= 2 && words.length <= 3) names.set(words[words.length - 1], words.join(' '));
  }
  return names;
};

const BACKGROUND =
  /\b(?:has|have)\s+(?:\p{Ll}+ly\s+|also\s+|long\s+|often\s+)?(?:said|called|described|argued|claimed|insisted|warned|branded|labelled|accused)\b/u;

/** Marks that name a thing rather than quote anyone: "so-called", "known as", "the word". */
const LABEL_BEFORE =
  /(?:so-called|so called|known as|the (?:word|term|phrase|slogan)|titled|entitled|nicknamed|lettering|reading)(?:\s+[\p{L}-]+){0,2}\s*$/iu;

const UNKNOWN_NAME_AT_START =
  /^[\s"“‘']*((?:[A-Z][\p{L}’'.-]*\s+){1,5}[A-Z][\p{L}’'-]+)(?=,|\s+(?:\p{Ll}+ly\s+)?(?:has|had|was|is|also|then|later|\p{Ll}+ed|said|says|told|wrote|added)\b)/u;

/** A sentence that opens with a name the registry does not know ("Hannah Okafor, the director of…, said"). */
const leadingCandidate = (
  context: AttributionContext,
  sentence: Span,
  known: Mention | undefined,
): { at: number; speaker: SpeakerResolution } | null => {
  const match = UNKNOWN_NAME_AT_START.exec(context.text.slice(sentence.start, sentence.end));
  if (!match) return null;
  const at = sentence.start + match[0].indexOf(match[1]);
  if (known && known.start <= at + match[1].length) return null;
  const words = match[1]
    .split(/\s+/)
    .filter((word) => !TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, '')));
  if (words.length < 2 || words.length > 4 || words.some((word) => !/^[A-Z]/.test(word))) return null;
  const name = words.join(' ');
  context.candidateNames.set(words[words.length - 1], name);
  return { at, speaker: { kind: 'candidate', actorId: toKebab(name), name, via: 'name' } };
};

const combinedConfidence = (speaker: number, topic: number, stance: number): number =>
  Number(
    (
      Math.pow(speaker, 0.5) *
      Math.pow(Math.max(topic, 0.25), 0.25) *
      Math.pow(Math.max(stance, 0.25), 0.25)
    ).toFixed(2),
  );

/**
 * Every quotation of an article with its speaker, the day it was said, its topic and stance. Pure: the article's
 * text, the registry's view and the lexicons in, quotations out, spans always into the original text.
 */
export const extractQuotations = (
  article: ArticleInput,
  knowledge: ExtractionKnowledge,
): ExtractedQuotation[] => {
  const text = cleanArticleText(article.text).text;
  const directory = buildActorDirectory(knowledge.actors, article.publishedOn);
  const paragraphs = paragraphSpans(text);
  const scanned = scanQuotations(text);
  const partSpans = scanned.flatMap((quote) => quote.parts);
  const insideQuote = (offset: number) => withinSpan(partSpans, offset) >= 0;
  const mentions = findMentions(text, directory);
  const context: AttributionContext = {
    text,
    directory,
    mentions,
    insideQuote,
    timeline: [],
    namedInArticle: new Set(
      mentions
        .filter(
          (mention) => mention.kind !== 'role' && mention.kind !== 'pronoun' && !insideQuote(mention.start),
        )
        .flatMap((mention) => (mention.actorIds.length === 1 ? mention.actorIds : [])),
    ),
    candidateNames: fullNamesIn(text, insideQuote),
  };
  const quotes = mergeSplitQuotes(
    text,
    scanned.map((quote) => ({
      ...quote,
      start: quote.parts[0].start,
      end: quote.parts[quote.parts.length - 1].end,
      paragraph: withinSpan(paragraphs, quote.parts[0].start),
      splitGap: null,
    })),
    paragraphs,
  );
  const sentences = paragraphs.flatMap((paragraph, index) =>
    sentencesOf(text, paragraph, insideQuote).map((span) => ({ ...span, paragraph: index })),
  );
  const record = (offset: number, speaker: SpeakerResolution, subject: boolean) =>
    insertByOffset(context.timeline, {
      offset,
      speaker,
      gender: genderOfSpeaker(context, speaker),
      person: subject && isPerson(context, speaker),
    });
  const scenes = new Map<string, SaidOn>();
  const found = new Map<Quote, Found>();
  const saidOn = new Map<Quote, SaidOn | null>();
  const frames = new Map<Quote, string>();
  const unattributable = new Set<Quote>();
  const embedded = new Set<Quote>();
  const undated = new Set<Quote>();
  let previous: { quote: Quote; speaker: SpeakerResolution | null } | null = null;

  const outsideQuotes = (span: Span) =>
    text
      .slice(span.start, span.end)
      .split('')
      .map((char, index) => (insideQuote(span.start + index) ? ' ' : char))
      .join('');

  for (const sentence of sentences) {
    const inSentence = (mention: Mention) =>
      mention.start >= sentence.start && mention.end <= sentence.end && !insideQuote(mention.start);
    for (const mention of mentions.filter((m) => inSentence(m) && m.kind !== 'pronoun')) {
      const resolved = resolveMention(context, mention);
      if (resolved) record(mention.start, resolved.speaker, false);
    }
    const subject = sentenceSubject(context, sentence);
    const unknownSubject = leadingCandidate(context, sentence, subject);
    if (unknownSubject) record(unknownSubject.at, unknownSubject.speaker, true);
    const subjectSpeaker = subject && !unknownSubject ? resolveMention(context, subject) : null;
    if (subject && subjectSpeaker) {
      record(subject.start, subjectSpeaker.speaker, true);
      const framing = outsideQuotes(sentence);
      const scene = findSaidOn(framing, article.publishedOn);
      if (scene) scenes.set(subjectSpeaker.speaker.actorId, scene);
    }
    for (const quote of quotes.filter((q) => q.start >= sentence.start && q.start < sentence.end)) {
      const paragraph = paragraphs[quote.paragraph];
      let result: Found = { attribution: null, explicit: false, from: 'context' };
      const split = quote.splitGap
        ? trailingAttribution(context, quote.splitGap.start, quote.splitGap.end)
        : null;
      if (split) result = { attribution: split, explicit: true, from: 'trailing' };
      const leadingText = text.slice(sentence.start, quote.start);
      if (/[\p{L}\p{N}]/u.test(outsideQuotes({ start: sentence.start, end: quote.start })))
        embedded.add(quote);
      const hasLeadingVerb = REPORTING_VERB.test(outsideQuotes({ start: sentence.start, end: quote.start }));
      const introduced = hasLeadingVerb || /:\s*$/.test(leadingText);
      if (!result.attribution && introduced) {
        const attribution = leadingAttribution(context, sentence, quote.start);
        if (attribution) result = { attribution, explicit: true, from: 'leading' };
      }
      if (!result.attribution) {
        const attribution = trailingAttribution(
          context,
          quote.end,
          sentenceEnd(text, quote.end, paragraph.end, insideQuote),
        );
        if (attribution) result = { attribution, explicit: true, from: 'trailing' };
      }
      if (!result.attribution && !introduced) {
        const rest = outsideQuotes({ start: quote.end, end: sentence.end });
        const subject = sentenceSubject(context, sentence);
        if (REPORTING_VERB.test(rest) && subject && subject.start < quote.start) {
          const resolved = resolveMention(context, subject);
          if (resolved)
            result = {
              attribution: { ...resolved, confidence: resolved.confidence * 0.85, at: subject },
              explicit: true,
              from: 'leading',
            };
        }
      }
      const startsParagraph = text.slice(paragraph.start, quote.start).trim() === '';
      if (!result.attribution && startsParagraph && quote.paragraph > 0) {
        const before = paragraphs[quote.paragraph - 1];
        if (/:\s*$/.test(text.slice(before.start, before.end))) {
          const last = sentencesOf(text, before, insideQuote).at(-1)!;
          const attribution = leadingAttribution(context, last, before.end);
          if (attribution)
            result = {
              attribution: { ...attribution, speaker: colonIntro(attribution.speaker) },
              explicit: true,
              from: 'leading',
            };
        }
      }
      // Introduced by someone the text does not name as an actor ("the pollsters asked:"): no guessing from context.
      if (!result.attribution && introduced) unattributable.add(quote);
      if (
        !result.attribution &&
        !introduced &&
        previous?.speaker &&
        quote.paragraph - previous.quote.paragraph <= 1
      ) {
        const between = mentions.filter(
          (m) =>
            m.start >= previous!.quote.end &&
            m.end <= quote.start &&
            !insideQuote(m.start) &&
            m.kind !== 'pronoun',
        );
        const interrupted = between.some((m) => !m.actorIds.includes(previous!.speaker!.actorId));
        if (!interrupted)
          result = {
            attribution: { speaker: previous.speaker, confidence: 0.75, at: quote },
            explicit: false,
            from: 'context',
          };
      }
      found.set(quote, result);
      if (result.attribution) record(quote.start, result.attribution.speaker, true);
      const attributionSpan = result.attribution?.at ?? quote;
      const ownSentence = outsideQuotes({
        start: sentence.start,
        end: Math.max(sentence.end, Math.min(paragraph.end, attributionSpan.end + 60)),
      });
      frames.set(quote, text.slice(sentence.start, sentence.end));
      const own =
        findSaidOn(ownSentence, article.publishedOn) ??
        findSaidOn(outsideQuotes({ start: paragraph.start, end: sentence.start }), article.publishedOn);
      const speakerId = result.attribution?.speaker.actorId;
      if (own && speakerId) scenes.set(speakerId, own);
      // "who has called him a “dictator”": said at some time before, which nothing dates.
      const background =
        !own &&
        !/:\s*$/.test(leadingText) &&
        BACKGROUND.test(outsideQuotes({ start: sentence.start, end: quote.start }));
      if (background) undated.add(quote);
      saidOn.set(quote, own ?? (speakerId && !background ? (scenes.get(speakerId) ?? null) : null));
      previous = { quote, speaker: result.attribution?.speaker ?? null };
    }
  }

  quotes.forEach((quote, index) => {
    const result = found.get(quote);
    if (!result || result.attribution || unattributable.has(quote)) return;
    const next = quotes[index + 1];
    const nextFound = next ? found.get(next) : undefined;
    if (
      next &&
      nextFound?.attribution &&
      nextFound.from === 'trailing' &&
      next.paragraph - quote.paragraph <= 1
    ) {
      found.set(quote, {
        attribution: { ...nextFound.attribution, confidence: 0.65 },
        explicit: false,
        from: 'context',
      });
      return;
    }
    const salient = [...context.timeline]
      .reverse()
      .find((entry) => entry.offset < quote.start && entry.person);
    if (salient)
      found.set(quote, {
        attribution: { speaker: salient.speaker, confidence: 0.45, at: quote },
        explicit: false,
        from: 'context',
      });
  });

  const results: ExtractedQuotation[] = [];
  for (const quote of quotes) {
    const result = found.get(quote) ?? { attribution: null, explicit: false, from: 'context' as const };
    const words = quote.parts.map((part) => text.slice(part.inner.start, part.inner.end)).join(' ');
    const wordCount = countWords(words);
    if (wordCount <= 2 && !result.explicit) continue;
    const quoteText = quotedText(text, quote).replace(/[,;:\s]+$/, '');
    if (!result.attribution && (/\?$/.test(quoteText) || wordCount <= 4)) continue;
    // Words quoted inside a narrative sentence that nobody is said to have said are a label, not a statement.
    if (!result.explicit && embedded.has(quote)) continue;
    if (LABEL_BEFORE.test(text.slice(Math.max(0, quote.start - 30), quote.start))) continue;
    const frame = frames.get(quote) ?? '';
    const topic = guessTopic(knowledge.topics, quoteText, frame);
    const stance = knowledge.cues
      ? guessStance(knowledge.cues, quoteText, topic.topicId)
      : { stance: null, conditions: [], confidence: 0 };
    const dated = saidOn.get(quote) ?? null;
    const speakerConfidence = result.attribution
      ? result.attribution.confidence * (wordCount <= 3 ? 0.9 : 1)
      : 0;
    results.push({
      articleId: article.id,
      quote: quoteText,
      start: quote.start,
      end: quote.end,
      parts: quote.parts.map((part) => ({ start: part.start, end: part.end })),
      speaker: result.attribution?.speaker ?? null,
      saidOn: dated?.day ?? (undated.has(quote) ? null : article.publishedOn),
      saidOnPrecision: dated?.precision ?? (undated.has(quote) ? null : 'day'),
      saidOnEvidence: dated?.evidence ?? null,
      topicId: topic.topicId,
      stance: stance.stance,
      conditions: stance.conditions,
      confidence: combinedConfidence(speakerConfidence, topic.confidence, stance.confidence),
      confidences: {
        speaker: Number(speakerConfidence.toFixed(2)),
        topic: topic.confidence,
        stance: stance.confidence,
      },
    });
  }
  return results;
};

const colonIntro = (speaker: SpeakerResolution): SpeakerResolution =>
  speaker.kind === 'actor' ? { ...speaker, via: 'colon-intro' } : speaker;
