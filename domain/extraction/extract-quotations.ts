import {
  type ActorDirectory,
  buildActorDirectory,
  extendActorDirectory,
  findMentions,
  type Mention,
} from './actor-mentions';
import {
  claimOfPossessor,
  genderOfSpeaker,
  isPerson,
  leadingAttribution,
  REPORTING_VERB,
  resolveMention,
  sentenceSubject,
  trailingAttribution,
  type Attributed,
  type AttributionContext,
  type TimelineEntry,
} from './attribution';
import { calibrate, rawConfidence } from './calibration';
import { TITLE_WORDS } from './titles';
import { buildCast, castAsActors } from './cast';
import { cleanArticleText } from './clean-up';
import { findSaidOn, forgetSaidOn, type SaidOn } from './dating';
import type {
  ArticleInput,
  ExtractedQuotation,
  ExtractionKnowledge,
  RegistryActor,
  SpeakerResolution,
} from './extraction.types';
import { findDialogue, findInterview, findTurns } from './interview';
import { analyseText, tokensWithin } from './language';
import { placeNamed } from './places';
import { quotedText, scanQuotations, type ScannedQuote } from './quote-scanner';
import { countWords, paragraphSpans, sentenceEnd, type Span } from './text-spans';
import {
  forgetTexts,
  framesTopic,
  guessStance,
  guessTopic,
  leadTopic,
  proposeTopic,
  type StanceGuess,
  type TopicGuess,
} from './topic-stance';
import { toKebab } from '../shared/ids';

type Quote = ScannedQuote & { start: number; end: number; paragraph: number; splitGap: Span | null };
type Found = { attribution: Attributed | null; explicit: boolean; from: 'leading' | 'trailing' | 'context' };

const SPLIT_GAP_MAX_WORDS = 30;

const withinSpan = (spans: Span[], offset: number): number =>
  spans.findIndex((span) => span.start <= offset && offset < span.end);

/** Whether an offset lies in any of the spans: the spans merged once, then a binary search per offset. */
const coveredBy = (spans: Span[]): ((offset: number) => boolean) => {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.end <= span.start) continue;
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return (offset) => {
    let low = 0;
    let high = merged.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (merged[middle].end <= offset) low = middle + 1;
      else high = middle;
    }
    return low < merged.length && merged[low].start <= offset;
  };
};

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

/** A full stop inside a text and a capital after it, not after a title's abbreviation or an initial ("U.S."). */
const SENTENCE_INSIDE =
  /(?<!(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Sen|Rep|Gov|Lt|Capt|Prof|Adm|Maj|No))(?<!(?:^|[^\p{L}])\p{Lu})[.!?]["”’']?\s+["“‘']?\p{Lu}/u;

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
      // "what some called the “charm offensive.” “We are not Americans …”": a sentence ended inside the first
      // mark, and the next quotation opens another; no fragments of one phrase.
      const nextOpens = /^\p{Lu}/u.test(text.slice(quote.parts[0].inner.start, quote.parts[0].inner.end));
      const fragments =
        !verb &&
        !(/[.!?…]/.test(previousEnds) && nextOpens) &&
        countWords(gap) <= 3 &&
        !/[.!?,;:]/.test(gap) &&
        !/\b(?:and|or|but|that|nor)\b/i.test(gap) &&
        Math.min(wordsOf(text, previous), wordsOf(text, quote)) <= 2;
      const opening = text.slice(paragraphs[previous.paragraph].start, previous.start);
      const opensSentence = /^\s*$/.test(opening.split(/[.!?]["”’']?\s+/).at(-1) ?? '');
      // "…,” Marles, who is also the defence minister, told the ABC. “…”: the aside does not count.
      const subject = verb ? gap.slice(0, verb.index).replace(/,[^,]{1,80},\s*$/, ' ') : '';
      // "…," said the Danish minister. Saint-Martin went further. "…": a gap of two sentences joins no split.
      const oneSentence = !SENTENCE_INSIDE.test(gap.trim());
      const split = verb && shortGap && continues && opensSentence && oneSentence && countWords(subject) <= 6;
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
    /(?<![\p{L}])(?:[A-Z][\p{Ll}’'-]+\s+){1,5}[A-Z][\p{Ll}’'-]+(?![\p{L}])/gu,
  )) {
    if (insideQuote(match.index)) continue;
    const words = match[0].split(/\s+/).filter((word) => !TITLE_WORDS.has(word.toLowerCase()));
    if (words.length >= 2 && words.length <= 3) names.set(words[words.length - 1], words.join(' '));
  }
  return names;
};

/** An unnamed speaker after the quotation: "a US official said", "two diplomats told Reuters". */
const ANONYMOUS_AFTER =
  /^[\s,–—-]*(?:a|an|one|two|three|several|some|other)\s+(?:[\p{L}-]+\s+){0,3}(?:officials?|diplomats?|sources?|aides?|analysts?|people|persons?|insiders?|negotiators?)\s+(?:[\p{L}-]+\s+){0,4}?(?:said|says|told|added|noted)\b/iu;

/** Where a coordinated clause opens: "…, and Mr Sybiha said", "…; Mr Guo said", "… but the minister said". */
const CLAUSE_OPENING = /(?:[,;]\s*(?:and|but|while|whereas)?|\s(?:and|but|while|whereas))\s+$/;
/** A verb of saying right after a name: the name is the subject of that clause. */
const CLAUSE_SUBJECT = new RegExp(
  `^\\s+(?:(?:also|then|later|again|\\p{Ll}+ly)\\s+)?(?:${REPORTING_VERB.source})`,
  'u',
);

const BACKGROUND =
  /\b(?:has|have)\s+(?:\p{Ll}+ly\s+|also\s+|long\s+|often\s+)?(?:said|called|described|argued|claimed|insisted|warned|branded|labelled|accused)\b/u;

/** Marks that name a thing rather than quote anyone: "so-called", "known as", "the word". */
const LABEL_BEFORE =
  /(?:so-called|so called|known as|the (?:word|term|phrase|slogan|book|film|song|show|programme|program|motto)|titled|entitled|nicknamed|dubbed|lettering|reading|billed as|under the slogan|what (?:some|critics|others|many|officials|observers|analysts)\s+(?:have\s+)?(?:call|called|describe|described|dubbed|termed))(?:\s+[\p{L}-]+){0,2}\s*$/iu;

/** "in what Beijing called", "a move Moscow described as": a country or city as the speaker is nobody's words. */
const PLACE_AS_SPEAKER_BEFORE =
  /\b(?:what|which|a move|a step)\s+(?:[A-Z][\p{L}]+)\s+(?:has\s+)?(?:called|calls|described|describes|labels|labelled|dubbed|termed)(?:\s+as)?(?:\s+(?:a|an|the|its|his|her))?\s*$/u;

const SMALL_WORDS = /^(?:of|the|and|for|a|an|in|on|at|to|with|by|or|de|la)$/;

/**
 * "The Art of the Deal", "America First": a title or a name in marks, not anyone's words; also with the article in
 * lower case before a name of three words or more ("called the document "the Kuala Lumpur Peace Accord"").
 */
const isTitleCase = (quote: string): boolean => {
  const printed = quote.split(/\s+/).filter(Boolean);
  const words = printed[0] === 'the' && printed.length >= 4 ? printed.slice(1) : printed;
  return (
    words.length >= 2 &&
    words.length <= 7 &&
    !/[.!?,;:]$/.test(quote) &&
    /^\p{Lu}/u.test(words[0]) &&
    words.every((word) => /^[\p{Lu}\d]/u.test(word) || SMALL_WORDS.test(word))
  );
};

/** A question put by an interviewer or a reporter ("Asked by a reporter “Are you ready…?”"), not the speaker's words. */
const QUESTION_INTRO = /\b(?:asked|asking|asks|question(?:ed)?|the question)\b[^.!?]*$/i;

const UNKNOWN_NAME_AT_START =
  /^[\s"“‘']*((?:[A-Z][\p{L}’'.-]*\s+){1,5}[A-Z][\p{L}’'-]+)(?=,|\s+(?:\p{Ll}+ly\s+)?(?:has|had|was|is|also|then|later|\p{Ll}+ed|said|says|told|wrote|added)\b)/u;

const LOCATIVE_OPENING =
  /^[\s"“‘']*(?:In|At|From|Outside|Inside|Near|Across|Throughout|Back in|Aboard|On board)\s+(?:[A-Z][\p{L}’'.-]*\s+){0,3}[A-Z][\p{L}’'-]+,\s*(?:(?:a|an|the)\s+[^,]{1,60},\s*)?/u;

/** A sentence that opens with a name the registry does not know ("Hannah Okafor, the director of…, said"). */
const leadingCandidate = (
  context: AttributionContext,
  sentence: Span,
  known: Mention | undefined,
): { at: number; speaker: SpeakerResolution } | null => {
  // "In Khan Younis, a mother of three, Samia Odeh, said": a place the sentence opens with is where, not who.
  const where = LOCATIVE_OPENING.exec(context.text.slice(sentence.start, sentence.end));
  const from = sentence.start + (where ? where[0].length : 0);
  const match = UNKNOWN_NAME_AT_START.exec(context.text.slice(from, sentence.end));
  if (!match) return null;
  const at = from + match[0].indexOf(match[1]);
  // "“El Fasher is free,” he said": the name opens the quotation, not the sentence.
  if (context.insideQuote(at)) return null;
  if (known && known.start <= at + match[1].length) return null;
  const words = match[1]
    .split(/\s+/)
    .filter((word) => !TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, '')));
  if (words.length < 2 || words.length > 4 || words.some((word) => !/^[A-Z]/.test(word))) return null;
  const name = words.join(' ');
  context.candidateNames.set(words[words.length - 1], name);
  return { at, speaker: { kind: 'candidate', actorId: toKebab(name), name, via: 'name' } };
};

const directories = new WeakMap<RegistryActor[], Map<string, ActorDirectory>>();
/** Days whose directories a registry keeps: a long-running service reads articles of ever more days. */
const DIRECTORY_DAYS = 64;
/** The registry's directory for a day, built once per registry and day (of the last DIRECTORY_DAYS asked for). */
const registryDirectory = (actors: RegistryActor[], day: string): ActorDirectory => {
  const byDay = directories.get(actors) ?? new Map<string, ActorDirectory>();
  directories.set(actors, byDay);
  let directory = byDay.get(day);
  if (directory) byDay.delete(day);
  else {
    directory = buildActorDirectory(actors, day);
    if (byDay.size >= DIRECTORY_DAYS) byDay.delete(byDay.keys().next().value as string);
  }
  byDay.set(day, directory);
  return directory;
};

/**
 * The interviewee of a transcript whose answers are labelled "Mirzoyan:", when no person the article's cast knows
 * carries that name: the full name the introduction gives ("Ararat Mirzoyan has led…"), as a candidate, or the
 * registry actor of that name.
 */
const labelledInterviewee = (
  intro: string,
  label: string,
  context: AttributionContext,
): { speaker: SpeakerResolution; confidence: number } | null => {
  // A label of two words or more is the full name; a surname takes the one given name printed before it.
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const given = /\s/.test(label)
    ? null
    : new RegExp(`(\\p{Lu}[\\p{L}’'-]+)\\s+${escaped}(?![\\p{L}])`, 'u').exec(intro);
  const name = /\s/.test(label) ? label : given ? `${given[1]} ${label}` : null;
  if (!name) return null;
  const actorId = toKebab(name);
  const known = context.directory.actors.get(actorId);
  if (known) return { speaker: { kind: 'actor', actorId, name: known.name, via: 'name' }, confidence: 0.85 };
  return { speaker: { kind: 'candidate', actorId, name, via: 'name' }, confidence: 0.8 };
};

/** The article as the stages read it: the cleaned text, its spans, its people and where quotation marks enclose. */
type Reading = {
  text: string;
  publishedOn: string;
  analysis: ReturnType<typeof analyseText>;
  paragraphs: Span[];
  interview: ReturnType<typeof findInterview>;
  scanned: ScannedQuote[];
  insideQuote: (offset: number) => boolean;
  mentions: Mention[];
  candidateIds: Set<string>;
  /** Candidates introduced as commentators (analysts, scholars): no position of theirs is recorded. */
  commentators: Set<string>;
  context: AttributionContext;
};

/** What attribution learned of one quotation, and what rating it needs from its sentence. */
type Finding = {
  found: Found;
  saidOn: SaidOn | null;
  /** The sentence that frames it (for an interview answer, the question). */
  frame: string;
  /** Introduced by someone the text does not name as an actor ("the pollsters asked:"): no guessing from context. */
  unattributable: boolean;
  /** Words stand before it in its sentence, outside quotations: a narrative sentence quotes it. */
  embedded: boolean;
  /** "who has called him a “dictator”": said at some time before, which nothing dates. */
  undated: boolean;
};

const NOT_FOUND: Found = { attribution: null, explicit: false, from: 'context' };

/** A paragraph that introduces the next as someone's words: a verb of saying, then a colon to end it. */
const BLOCK_INTRO = /:\s*$/;
const FIRST_OR_SECOND_PERSON =
  /(?<![\p{L}’'])(?:I|I['’]m|we|We|we['’]re|We['’]re|our|Our|us|my|My|you|You)(?![\p{L}’'])/u;
const THIRD_PERSON = /(?<![\p{L}’'])(?:he|He|she|She|his|His|her|Her|they|They|their|Their)(?![\p{L}’'])/u;
/** Words of speaking that are no verb of reporting: "has just spoken to reporters", "made the case", "thanked". */
const SPEECH_WORDS = /\b(?:spoke|spoken|speaking|made the case|thanked|remarks|speech|post|statement)\b/;
const BLOCK_MIN_WORDS = 6;
/**
 * Words printed as a paragraph of their own, without marks, after a paragraph that introduces them with words of
 * speaking and a colon ("He also thanked leaders for extending the sanctions:" then "Sanctions are working. …"), as
 * live blogs print statements and posts. Words in the first or second person, or with neither a third person nor a
 * verb of saying: a paragraph that tells what someone said ("He said the talks had failed") is the reporter's.
 */
const blockQuotes = (
  text: string,
  paragraphs: Span[],
  marked: ScannedQuote[],
  transcript: Span[],
): ScannedQuote[] => {
  const blocks: ScannedQuote[] = [];
  const hasMarks = (span: Span) =>
    marked.some((quote) => quote.parts.some((part) => part.start < span.end && span.start < part.end));
  for (let index = 1; index < paragraphs.length; index++) {
    const intro = text.slice(paragraphs[index - 1].start, paragraphs[index - 1].end);
    const span = paragraphs[index];
    const printed = text.slice(span.start, span.end);
    const words = printed.trim();
    if (
      !BLOCK_INTRO.test(intro) ||
      !(REPORTING_VERB.test(intro) || SPEECH_WORDS.test(intro)) ||
      hasMarks(span) ||
      hasMarks(paragraphs[index - 1]) ||
      withinSpan(transcript, span.start) >= 0 ||
      !/[.!?]$/.test(words) ||
      words.split(/\s+/).length < BLOCK_MIN_WORDS ||
      !(FIRST_OR_SECOND_PERSON.test(words) || !(THIRD_PERSON.test(words) || REPORTING_VERB.test(words)))
    )
      continue;
    const start = span.start + printed.length - printed.trimStart().length;
    const end = start + words.length;
    blocks.push({ style: 'double', parts: [{ start, end, inner: { start, end }, closed: true }] });
  }
  return blocks;
};

/** Clean-up, NLP, interviews, quotation marks, the cast and every mention of a known or candidate speaker. */
const readArticle = (article: ArticleInput, knowledge: ExtractionKnowledge): Reading => {
  const text = cleanArticleText(article.text).text;
  const analysis = analyseText(text);
  const paragraphs = paragraphSpans(text);
  const interview =
    findInterview(text, paragraphs) ?? findTurns(text, paragraphs) ?? findDialogue(text, paragraphs);
  const transcript = interview ? interview.answers.flat() : [];
  // Marks inside a transcript's answers quote someone within them: the answer is the quotation. A question's marks
  // quote a third party ("Lai said on Wednesday that Taiwan “will never accept” … What's your comment?").
  const marked = scanQuotations(text).filter((quote) => withinSpan(transcript, quote.parts[0].start) < 0);
  const scanned = [...marked, ...blockQuotes(text, paragraphs, marked, transcript)].sort(
    (a, b) => a.parts[0].start - b.parts[0].start,
  );
  const partSpans = [...scanned.flatMap((quote) => quote.parts), ...transcript].sort(
    (a, b) => a.start - b.start,
  );
  const insideQuote = coveredBy(partSpans);
  const registryNames = findMentions(text, registryDirectory(knowledge.actors, article.publishedOn)).filter(
    (mention) => mention.kind === 'name' || mention.kind === 'alias',
  );
  const cast = buildCast(text, analysis.tokens, insideQuote, knowledge.actors, registryNames);
  const candidates = castAsActors(cast);
  const linked = new Map<string, string[]>();
  for (const member of cast)
    if (member.actorId)
      linked.set(member.actorId, [...(linked.get(member.actorId) ?? []), ...member.aliases]);
  const relinked = knowledge.actors
    .filter((actor) => linked.has(actor.id))
    .map((actor) => ({ ...actor, aliases: [...actor.aliases, ...linked.get(actor.id)!] }));
  const directory = extendActorDirectory(
    registryDirectory(knowledge.actors, article.publishedOn),
    relinked,
    candidates,
  );
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
  return {
    text,
    publishedOn: article.publishedOn,
    analysis,
    paragraphs,
    interview,
    scanned,
    insideQuote,
    mentions,
    candidateIds: new Set(candidates.map((candidate) => candidate.id)),
    commentators: new Set(
      cast.filter((member) => member.commentator && member.actorId === null).map((member) => member.id),
    ),
    context,
  };
};

/** The quotations, split ones joined around their attribution. */
const quotesOf = ({ text, scanned, paragraphs }: Reading): Quote[] =>
  mergeSplitQuotes(
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

/** The span's text with quoted words blanked: what the narrative says around them. */
const outsideQuotes = ({ text, insideQuote }: Reading, span: Span): string => {
  let out = '';
  for (let at = span.start; at < Math.min(span.end, text.length); at++)
    out += insideQuote(at) ? ' ' : text[at];
  return out;
};

/** "Japan's chief trade negotiator said": a country's post, with no name, just before the verb. */
const COUNTRY_POST_BEFORE_VERB =
  /(?:^|[\s(])(\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?)['’]s\s+(?:[\p{Ll}-]+\s+){0,4}[\p{Ll}-]+\s+(?:(?:has|had|also|\p{Ll}+ly)\s+)?$/u;
/**
 * A lede that describes its speaker by post ("Japan's chief trade negotiator said … "constructive but hard"") and names
 * him in the next paragraph ("Ryosei Akazawa, Japan's economic revitalisation minister, told reporters"): the first
 * person named there whose post is that country's.
 */
const describedInLede = (reading: Reading, sentence: Span, quoteStart: number): Attributed | null => {
  const { text, paragraphs, mentions, context, insideQuote } = reading;
  const verb = REPORTING_VERB.exec(text.slice(sentence.start, quoteStart));
  if (!verb) return null;
  const post = COUNTRY_POST_BEFORE_VERB.exec(text.slice(sentence.start, sentence.start + verb.index));
  const place = post ? placeNamed(post[1]) : undefined;
  if (!place) return null;
  const here = paragraphs.findIndex(
    (paragraph) => paragraph.start <= sentence.start && sentence.start < paragraph.end,
  );
  const next = paragraphs
    .slice(here + 1)
    .find((paragraph) => /\p{L}/u.test(text.slice(paragraph.start, paragraph.end)));
  if (!next) return null;
  const named = mentions.find(
    (mention) =>
      mention.start >= next.start &&
      mention.end <= next.end &&
      (mention.kind === 'name' || mention.kind === 'alias') &&
      !insideQuote(mention.start) &&
      mention.actorIds.length === 1 &&
      (context.directory.actors.get(mention.actorIds[0])?.roles ?? []).some(
        (role) => placeNamed(role.organisation) === place,
      ),
  );
  const resolved = named ? resolveMention(context, named) : null;
  return resolved ? { ...resolved, confidence: resolved.confidence * 0.8, at: named! } : null;
};

/**
 * The speaker named after a comma at the end of a clause of reported speech ("…, Anwar Ibrahim said.", "…, the
 * commissioner said on Tuesday, even as …"): an attribution that runs to a comma or the sentence's end.
 */
const reporterAfterClause = (context: AttributionContext, from: number, end: number): Attributed | null => {
  for (const comma of context.text.slice(from, end).matchAll(/,\s+/g)) {
    const at = from + comma.index;
    if (context.insideQuote(at)) continue;
    const found = trailingAttribution(context, at, end);
    if (found && /^[^,.;:"“”]{0,60}(?:[,.;]|$)/.test(context.text.slice(found.at.end, end))) return found;
  }
  return null;
};

/**
 * Sentence by sentence, in reading order: who is on stage (every mention, the subject, a name the registry does not
 * know), then each quotation's speaker from its own sentence (a split's middle, a leading verb or colon, a trailing
 * attribution, a subject with a verb after the quotation, a colon ending the paragraph before), or from the quotation
 * before it by the same speaker; and the day it was said, from its sentence, its paragraph or the speaker's last scene.
 */
const attributeInSentences = (reading: Reading, quotes: Quote[]): Map<Quote, Finding> => {
  const { text, paragraphs, insideQuote, mentions, context, publishedOn } = reading;
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
  const outside = (span: Span) => outsideQuotes(reading, span);
  const scenes = new Map<string, SaidOn>();
  const findings = new Map<Quote, Finding>();
  const lede = paragraphs.findIndex((paragraph) => /\p{L}/u.test(text.slice(paragraph.start, paragraph.end)));
  let previous: { quote: Quote; speaker: SpeakerResolution | null } | null = null;

  for (const sentence of sentences) {
    const inSentence = (mention: Mention) =>
      mention.start >= sentence.start && mention.end <= sentence.end && !insideQuote(mention.start);
    for (const mention of mentions.filter((m) => inSentence(m) && m.kind !== 'pronoun')) {
      const resolved = resolveMention(context, mention);
      // "…, and Mr Sybiha said he had …": a name with its own verb of saying is the subject of its clause, there for a
      // pronoun after it as much as the sentence's first subject.
      if (resolved)
        record(
          mention.start,
          resolved.speaker,
          CLAUSE_OPENING.test(text.slice(Math.max(sentence.start, mention.start - 12), mention.start)) &&
            CLAUSE_SUBJECT.test(text.slice(mention.end, mention.end + 40)),
        );
    }
    const subject = sentenceSubject(context, sentence);
    const unknownSubject = leadingCandidate(context, sentence, subject);
    if (unknownSubject) record(unknownSubject.at, unknownSubject.speaker, true);
    const subjectSpeaker = subject && !unknownSubject ? resolveMention(context, subject) : null;
    if (subject && subjectSpeaker) {
      record(subject.start, subjectSpeaker.speaker, true);
      const scene = findSaidOn(outside(sentence), publishedOn);
      if (scene) scenes.set(subjectSpeaker.speaker.actorId, scene);
    }
    for (const quote of quotes.filter((q) => q.start >= sentence.start && q.start < sentence.end)) {
      const paragraph = paragraphs[quote.paragraph];
      let result: Found = NOT_FOUND;
      const split = quote.splitGap
        ? trailingAttribution(context, quote.splitGap.start, quote.splitGap.end)
        : null;
      if (split) result = { attribution: split, explicit: true, from: 'trailing' };
      const claimed = result.attribution ? null : claimOfPossessor(context, sentence, quote.start);
      if (claimed) result = { attribution: claimed, explicit: true, from: 'leading' };
      const leadingText = text.slice(sentence.start, quote.start);
      const before = outside({ start: sentence.start, end: quote.start });
      const embedded = /[\p{L}\p{N}]/u.test(before);
      const hasLeadingVerb = REPORTING_VERB.test(before);
      const introduced = hasLeadingVerb || /:\s*$/.test(leadingText);
      if (!result.attribution && introduced) {
        const attribution = leadingAttribution(context, sentence, quote.start);
        if (attribution) result = { attribution, explicit: true, from: 'leading' };
      }
      if (!result.attribution && introduced && quote.paragraph === lede) {
        const described = describedInLede(reading, sentence, quote.start);
        if (described) result = { attribution: described, explicit: true, from: 'leading' };
      }
      if (!result.attribution) {
        // A quotation run over paragraphs is attributed after its last part ("… "But I will not pretend …," said …).
        const lastParagraph = paragraphs[withinSpan(paragraphs, quote.end - 1)] ?? paragraph;
        const attribution = trailingAttribution(
          context,
          quote.end,
          sentenceEnd(text, quote.end, lastParagraph.end, insideQuote),
        );
        if (attribution) result = { attribution, explicit: true, from: 'trailing' };
      }
      // A round-up signs the words on the next line: "“…”" then "— Emmanuel Macron, French president".
      const nextParagraph = paragraphs[quote.paragraph + 1];
      if (
        !result.attribution &&
        nextParagraph &&
        /^[\s.,”"’]*$/.test(text.slice(quote.end, paragraph.end)) &&
        /^\s*[—–-]/.test(text.slice(nextParagraph.start, nextParagraph.end))
      ) {
        const attribution = trailingAttribution(context, quote.end, nextParagraph.end);
        if (attribution) result = { attribution, explicit: true, from: 'trailing' };
      }
      if (!result.attribution && !introduced) {
        const rest = outside({ start: quote.end, end: sentence.end });
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
      // "The EU will answer with "firm and proportionate" countermeasures, the trade commissioner Maroš Šefčovič said
      // on Tuesday, even as …": the reported clause's speaker follows it after a comma.
      const reporter = !result.attribution ? reporterAfterClause(context, quote.end, sentence.end) : null;
      if (reporter) result = { attribution: reporter, explicit: true, from: 'trailing' };
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
      // "…," a US official said: someone unnamed speaks, not the speaker before.
      const anonymous = ANONYMOUS_AFTER.test(text.slice(quote.end, Math.min(paragraph.end, quote.end + 120)));
      const unattributable = !result.attribution && (introduced || anonymous);
      if (
        !result.attribution &&
        !unattributable &&
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
      // The possessor of a claim quoted in passing is not on stage: "Abdelatty, asked about Trump's remark that …,
      // said …" leaves Abdelatty for the "he" after it.
      if (result.attribution && result.attribution !== claimed)
        record(quote.start, result.attribution.speaker, true);
      const attributionSpan = result.attribution?.at ?? quote;
      // The attribution's own paragraph bounds it: a round-up's signature is the line after the words.
      const attributionParagraph = paragraphs[withinSpan(paragraphs, attributionSpan.end - 1)] ?? paragraph;
      const ownSentence = outside({
        start: sentence.start,
        end: Math.max(
          sentence.end,
          Math.min(Math.max(paragraph.end, attributionParagraph.end), attributionSpan.end + 60),
        ),
      });
      const own =
        findSaidOn(ownSentence, publishedOn) ??
        findSaidOn(outside({ start: paragraph.start, end: sentence.start }), publishedOn);
      const speakerId = result.attribution?.speaker.actorId;
      if (own && speakerId) scenes.set(speakerId, own);
      const undated = !own && !/:\s*$/.test(leadingText) && BACKGROUND.test(before);
      findings.set(quote, {
        found: result,
        saidOn: own ?? (speakerId && !undated ? (scenes.get(speakerId) ?? null) : null),
        frame: text.slice(sentence.start, sentence.end),
        unattributable,
        embedded,
        undated,
      });
      previous = { quote, speaker: result.attribution?.speaker ?? null };
    }
  }
  return findings;
};

/**
 * A quotation still without a speaker takes the next one's trailing attribution (a run of quotations closed by "she
 * said"), else the last person the text put on stage before it.
 */
const attributeFromContext = (quotes: Quote[], findings: Map<Quote, Finding>, timeline: TimelineEntry[]) =>
  quotes.forEach((quote, index) => {
    const finding = findings.get(quote);
    if (!finding || finding.found.attribution || finding.unattributable) return;
    const next = quotes[index + 1];
    const nextFound = next ? findings.get(next)?.found : undefined;
    if (
      next &&
      nextFound?.attribution &&
      nextFound.from === 'trailing' &&
      next.paragraph - quote.paragraph <= 1
    ) {
      finding.found = {
        attribution: { ...nextFound.attribution, confidence: 0.65 },
        explicit: false,
        from: 'context',
      };
      return;
    }
    const salient = [...timeline].reverse().find((entry) => entry.offset < quote.start && entry.person);
    if (salient)
      finding.found = {
        attribution: { speaker: salient.speaker, confidence: 0.45, at: quote },
        explicit: false,
        from: 'context',
      };
  });

/** A transcript's answers, each a quotation of the interviewee its introduction names, framed by its question. */
const interviewAnswers = (reading: Reading): [Quote, Finding][] => {
  const { text, interview, mentions, context, paragraphs, publishedOn } = reading;
  if (!interview) return [];
  const introPeople = mentions.filter(
    (mention) =>
      mention.start < interview.introEnd &&
      (mention.kind === 'name' || mention.kind === 'alias') &&
      context.directory.actors.get(mention.actorIds[0] ?? '')?.kind === 'person',
  );
  // Answers labelled with a name belong to the person of that name, not to whoever the introduction names first.
  const label = interview.answerLabel;
  const labelled = label
    ? introPeople.find((mention) => text.slice(mention.start, mention.end).endsWith(label))
    : undefined;
  const intro = labelled ?? (label ? undefined : introPeople[0]);
  const interviewee = intro
    ? resolveMention(context, intro)
    : label
      ? labelledInterviewee(text.slice(0, interview.introEnd), label, context)
      : null;
  const day = findSaidOn(text.slice(0, interview.introEnd), publishedOn);
  // One resolution per label, however many turns it heads.
  const byLabel = new Map(
    [...new Set(interview.answerLabels)].map((label) => [label, labelledSpeaker(reading, label)]),
  );
  const speakers = interview.answers.map((_, index) =>
    interview.answerLabels.length > 0 ? byLabel.get(interview.answerLabels[index])! : interviewee,
  );
  const answered = coveredBy(interview.answers.flat());
  return interview.answers.flatMap((answer, index): [Quote, Finding][] => {
    const speaker = speakers[index];
    if (!speaker) return [];
    const quote: Quote = {
      style: 'double',
      parts: answer.map((span) => ({ ...span, inner: span, closed: true })),
      start: answer[0].start,
      end: answer[answer.length - 1].end,
      paragraph: withinSpan(paragraphs, answer[0].start),
      splitGap: null,
    };
    const question = interview.questions.filter((span) => span.end <= quote.start).at(-1);
    return [
      [
        quote,
        {
          found: {
            attribution: { speaker: speaker.speaker, confidence: 0.9, at: quote },
            explicit: true,
            from: 'leading',
          },
          saidOn:
            (interview.answerLabels.length > 0
              ? sceneOf(
                  text,
                  paragraphs,
                  answered,
                  unshouted(interview.answerLabels[index]),
                  quote.start,
                  publishedOn,
                )
              : null) ?? day,
          frame: question ? text.slice(question.start, question.end) : '',
          unattributable: false,
          embedded: false,
          undated: false,
        },
      ],
    ];
  });
};

/**
 * The day a transcript's speaker spoke: the last sentence before the answer, outside the answers, that names them
 * and a day ("I spoke with Iran's foreign minister, Abbas Araghchi, in New York on Saturday"; "Here is Marco Rubio
 * speaking on Friday"). A question's days belong to those it quotes.
 */
const sceneOf = (
  text: string,
  paragraphs: Span[],
  answered: (offset: number) => boolean,
  name: string,
  before: number,
  publishedOn: string,
): SaidOn | null => {
  let scene: SaidOn | null = null;
  for (const paragraph of paragraphs) {
    if (paragraph.start >= before) break;
    if (answered(paragraph.start) || !text.slice(paragraph.start, paragraph.end).includes(name)) continue;
    for (const sentence of text.slice(paragraph.start, paragraph.end).split(/(?<=[.!?])\s+/))
      if (sentence.includes(name)) scene = findSaidOn(sentence, publishedOn) ?? scene;
  }
  return scene;
};

/** "ARAGHCHI" as printed in running text: "Araghchi". */
const unshouted = (label: string): string =>
  /\p{Ll}/u.test(label)
    ? label
    : label
        .toLowerCase()
        .replace(
          /(^|[\s'’-])(\p{L})/gu,
          (_, before: string, letter: string) => before + letter.toUpperCase(),
        );

/**
 * Who speaks under a transcript's label: the person the article names so ("ARAGHCHI" is the "Abbas Araghchi" of the
 * introduction), the holder of the title ("PRIME MINISTER"), or a candidate of the name printed.
 */
const labelledSpeaker = (
  reading: Reading,
  label: string,
): { speaker: SpeakerResolution; confidence: number } | null => {
  const { text, mentions, context } = reading;
  const name = unshouted(label);
  const folded = name.toLowerCase();
  const named = mentions.find((mention) => {
    if (mention.kind === 'pronoun' || mention.actorIds.length === 0) return false;
    const printed = text.slice(mention.start, mention.end).toLowerCase();
    return printed === folded || printed.endsWith(` ${folded}`) || printed === `the ${folded}`;
  });
  const resolved = named ? resolveMention(context, named) : null;
  if (resolved) return resolved;
  const role = context.directory.roles.get(`the ${folded}`);
  if (role && role.actorIds.length === 1) {
    const actor = context.directory.actors.get(role.actorIds[0])!;
    return { speaker: { kind: 'actor', actorId: actor.id, name: actor.name, via: 'role' }, confidence: 0.8 };
  }
  return labelledInterviewee(text, name, context);
};

/** How sure a topic taken from the story's opening is, for a quotation that does not name it. */
const LEAD_TOPIC_CONFIDENCE = 0.4;
/** How sure "no position" is for a commentator's words: the role said so, whatever the words. */
const COMMENTARY_CONFIDENCE = 0.8;
/**
 * The cue weight that makes such a quotation take a side ("important", "a mistake", "we want", "against"), where "we
 * will" (0.4) does not.
 */
const STORY_CUE_MIN = 0.5;

/**
 * The topic most of an article's quotations name, when it clearly leads: at least DOMINANT_MIN of them and more
 * than twice as many as the next. The story's subject when its opening names none clearly.
 */
const DOMINANT_MIN = 2;
const dominantTopic = (guesses: TopicGuess[]): string | null => {
  const counts = new Map<string, number>();
  for (const { topicId } of guesses)
    if (topicId !== null) counts.set(topicId, (counts.get(topicId) ?? 0) + 1);
  const [best, second] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best && best[1] >= DOMINANT_MIN && best[1] > 2 * (second?.[1] ?? 0) ? best[0] : null;
};

/**
 * The registered topic the article's opening is about (`lead`; its headline, then the topics its quotations name,
 * decide between close ones), or, when none fits, the topic it proposes (`proposed.<salient words>`).
 */
const articleProposal = (
  reading: Reading,
  knowledge: ExtractionKnowledge,
  printed: string,
  quoted: TopicGuess[],
) => {
  const { text, paragraphs, mentions, analysis } = reading;
  const lede = paragraphs
    .slice(0, 3)
    .map((span) => text.slice(span.start, span.end))
    .join(' ');
  const people = mentions.filter((mention) => mention.kind === 'name' || mention.kind === 'alias');
  return {
    lead: leadTopic(
      knowledge.topics,
      lede,
      text,
      headlineOf(printed, text),
      quoted.map((guess) => guess.topicId),
    ),
    proposed: proposeTopic(
      knowledge.topics,
      lede,
      tokensWithin(analysis.tokens, { start: 0, end: paragraphs[2]?.end ?? text.length }),
      (offset) => people.some((mention) => mention.start <= offset && offset < mention.end),
    ),
  };
};

/**
 * The article's headline: its first paragraph as printed, when cleaning set it aside as a short line that ends no
 * sentence (a headline, not the story's first paragraph). Empty when there is none.
 */
const headlineOf = (printed: string, cleaned: string): string => {
  const first = paragraphSpans(printed)[0];
  return first && cleaned.slice(first.start, first.end).trim() === ''
    ? printed.slice(first.start, first.end)
    : '';
};

/** The paragraph a quotation opens in and the one before: where a topic that needs its anchors near looks. */
const nearQuote = ({ text, paragraphs }: Reading, quote: Quote): string => {
  const last = quote.parts.at(-1)!;
  const to = paragraphs[withinSpan(paragraphs, last.start)]?.end ?? last.end;
  const from = paragraphs[Math.max(0, quote.paragraph - 1)]?.start ?? quote.start;
  return text.slice(from, to);
};

/** A quotation on its way out: its words as printed, how many, and what attribution found. */
type Candidate = { quote: Quote; quoteText: string; wordCount: number; finding: Finding | undefined };

/** Whether a quotation is a statement someone made (not a label, a title, a reporter's question or a stray fragment). */
const isStatement = (text: string, { quote, quoteText, wordCount, finding }: Candidate): boolean => {
  const result = finding?.found ?? NOT_FOUND;
  if (wordCount <= 2 && !result.explicit) return false;
  if (!result.attribution && (/\?$/.test(quoteText) || wordCount <= 4)) return false;
  // Words quoted inside a narrative sentence that nobody is said to have said are a label, not a statement.
  if (!result.explicit && finding?.embedded) return false;
  const lead = text.slice(Math.max(0, quote.start - 60), quote.start);
  if (LABEL_BEFORE.test(lead) || PLACE_AS_SPEAKER_BEFORE.test(lead)) return false;
  if (isTitleCase(quoteText) && !/:\s*$/.test(lead)) return false;
  if (/\?$/.test(quoteText) && QUESTION_INTRO.test(lead)) return false;
  return true;
};

/** Topic, stance, day and the confidences of one quotation that is a statement. */
const rate = (
  reading: Reading,
  knowledge: ExtractionKnowledge,
  article: ArticleInput,
  proposal: ReturnType<typeof articleProposal>,
  storyTopic: string | null,
  { quote, quoteText, wordCount, finding }: Candidate,
  ownTopic: TopicGuess,
): ExtractedQuotation => {
  const result = finding?.found ?? NOT_FOUND;
  const attributed = result.attribution?.speaker ?? null;
  const speaker: SpeakerResolution | null =
    attributed && reading.candidateIds.has(attributed.actorId)
      ? { kind: 'candidate', actorId: attributed.actorId, name: attributed.name, via: 'name' }
      : attributed;
  // An analyst's or a scholar's words explain the news; they are kept as evidence, never as a position.
  const commentary = speaker?.kind === 'candidate' && reading.commentators.has(speaker.actorId);
  // Two topics with as much evidence each: the story's, if it is one of them.
  let topic = commentary
    ? { topicId: null, confidence: 0 }
    : storyTopic !== null && ownTopic.tiedWith?.includes(storyTopic)
      ? { ...ownTopic, topicId: storyTopic }
      : ownTopic;
  // A quotation that takes a side without naming its subject speaks to the story's subject; so does one whose
  // reporter's sentence names that subject (a fragment: "said the tariff was “the consequence of persecution”").
  if (topic.topicId === null && storyTopic !== null && knowledge.cues && !commentary) {
    const story = knowledge.topics.find((entry) => entry.topicId === storyTopic);
    const onStory = guessStance(knowledge.cues, quoteText, storyTopic, story);
    if (
      onStory.stance !== 'no-position' &&
      ((onStory.cueWeight ?? 0) >= STORY_CUE_MIN || (story && framesTopic(story, finding?.frame ?? '')))
    )
      topic = { topicId: storyTopic, confidence: LEAD_TOPIC_CONFIDENCE };
  }
  const lexicon = knowledge.topics.find((entry) => entry.topicId === topic.topicId);
  const stance: StanceGuess = !knowledge.cues
    ? { stance: null, conditions: [], confidence: 0 }
    : commentary
      ? { stance: 'no-position', conditions: [], confidence: COMMENTARY_CONFIDENCE }
      : guessStance(knowledge.cues, quoteText, topic.topicId, lexicon);
  const stanceConfidence = stance.confidence * stanceRisk(quoteText, stance.stance, stance.specific === true);
  const takesPosition = stance.stance !== null && stance.stance !== 'no-position';
  const dated = finding?.saidOn ?? null;
  const undated = finding?.undated ?? false;
  const speakerConfidence = result.attribution
    ? result.attribution.confidence * (wordCount <= 3 ? 0.9 : 1)
    : 0;
  const dayConfidence = !dated ? (undated ? 0.9 : 0.85) : dated.evidence ? 0.95 : 0.9;
  const raw = rawConfidence(
    speakerConfidence,
    topic.topicId === null ? null : topic.confidence,
    stanceConfidence,
    dayConfidence,
  );
  return {
    articleId: article.id,
    quote: quoteText,
    start: quote.start,
    end: quote.end,
    parts: quote.parts.map((part) => ({ start: part.start, end: part.end })),
    speaker,
    saidOn: dated?.day ?? (undated ? null : article.publishedOn),
    saidOnPrecision: dated?.precision ?? (undated ? null : 'day'),
    saidOnEvidence: dated?.evidence ?? null,
    topicId: topic.topicId,
    proposedTopic: topic.topicId === null && takesPosition ? proposal.proposed : null,
    stance: stance.stance,
    conditions: stance.conditions,
    confidence: calibrate(raw),
    confidences: {
      speaker: Number(speakerConfidence.toFixed(2)),
      topic: topic.confidence,
      stance: Number(stanceConfidence.toFixed(2)),
      day: dayConfidence,
      raw: Number(raw.toFixed(3)),
    },
  };
};

/**
 * Every quotation of an article with its speaker, the day it was said, its topic and stance. Pure: the article's
 * text, the registry's view and the lexicons in, quotations out, spans always into the original text. The stages:
 * read the article, find its quotations, attribute them sentence by sentence, then from context, add an
 * interview's answers, keep the statements and rate each.
 */
export const extractQuotations = (
  article: ArticleInput,
  knowledge: ExtractionKnowledge,
): ExtractedQuotation[] => {
  forgetTexts();
  forgetSaidOn();
  const reading = readArticle(article, knowledge);
  const quotes = quotesOf(reading);
  const findings = attributeInSentences(reading, quotes);
  attributeFromContext(quotes, findings, reading.context.timeline);
  for (const [quote, finding] of interviewAnswers(reading)) {
    quotes.push(quote);
    findings.set(quote, finding);
  }
  const statements = quotes
    .map((quote): Candidate => ({
      quote,
      quoteText: quotedText(reading.text, quote).replace(/[,;:\s]+$/, ''),
      wordCount: countWords(
        quote.parts.map((part) => reading.text.slice(part.inner.start, part.inner.end)).join(' '),
      ),
      finding: findings.get(quote),
    }))
    .filter((candidate) => isStatement(reading.text, candidate));
  const topics = statements.map(({ quote, quoteText, finding }) =>
    guessTopic(knowledge.topics, quoteText, finding?.frame ?? '', reading.text, () =>
      nearQuote(reading, quote),
    ),
  );
  const proposal = articleProposal(reading, knowledge, article.text, topics);
  const storyTopic = proposal.lead ?? dominantTopic(topics);
  return statements.map((candidate, index) =>
    rate(reading, knowledge, article, proposal, storyTopic, candidate, topics[index]),
  );
};

/** A turn in the words ("but", "however") or a condition left unrated: the stance may be half the story. */
const CONTRAST =
  /(?<![\p{L}])(?:but|however|yet|although|though|unless|until|only if|as long as|provided)(?![\p{L}])/iu;
const NEGATION =
  /(?<![\p{L}])(?:not|no|never|nothing|cannot|won['’]t|can['’]t|don['’]t|doesn['’]t|isn['’]t)(?![\p{L}])/iu;

/**
 * How far the stance's own confidence holds, from what the rules do not weigh: a plain rating from general cues
 * only, a turn in the words when the stance is plain support or opposition, a negation under a support rating, a
 * fragment of one or two words.
 */
const stanceRisk = (quote: string, stance: string | null, specific: boolean): number => {
  let risk = 1;
  // On the development sets, plain ratings from general cues alone were right half as often as those of a phrase of
  // the topic's own.
  if ((stance === 'support' || stance === 'oppose') && !specific) risk *= 0.8;
  if ((stance === 'support' || stance === 'oppose') && CONTRAST.test(quote)) risk *= 0.75;
  if (stance === 'support' && NEGATION.test(quote)) risk *= 0.85;
  if (countWords(quote) <= 2) risk *= 0.9;
  return risk;
};

const colonIntro = (speaker: SpeakerResolution): SpeakerResolution =>
  speaker.kind === 'actor' ? { ...speaker, via: 'colon-intro' } : speaker;
