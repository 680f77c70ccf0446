import type { ActorDirectory, Gender, Mention } from './actor-mentions';
import type { SpeakerResolution } from './extraction.types';
import { toKebab } from '../shared/ids';
import { placeNamed, placesIn, timesPlacesNamed } from './places';
import type { Span } from './text-spans';
import { TITLE_WORDS } from './titles';

/** The verbs that report speech, or frame a quoted phrase as someone's words ("called him a 'dictator'"). */
export const REPORTING_VERB =
  /(?<![\p{L}])(?:said|says|say|saying|add|proposed|believes|believe|believed|thinks|hopes|hoped|made clear|making clear|told|tells|telling|added|adds|adding|insisted|insists|insisting|warned|warns|warning|stated|states|stating|argued|argues|arguing|claimed|claims|claiming|declared|declares|wrote|writes|writing|(?:has|have|had) written|posted|replied|replies|responded|responds|explained|explains|stressed|stresses|noted|notes|suggested|suggests|suggesting|admitted|admits|acknowledged|asked|asks|continued|urged|urges|vowed|vows|pledged|promised|announced|announces|confirmed|confirms|conceded|predicted|remarked|commented|maintained|repeated|reiterated|reiterates|tweeted|joked|praised|praising|called|calls|calling|described|describes|describing|branded|brands|dubbed|labelled|labeled|referred|accused|hailed|thanked|mused|boasted|complained|lamented|recalled|cautioned|countered|agreed|quipped|thundered|snapped|fumed|blasted|slammed|demanded|emphasised|emphasized|underlined|highlighted|according to|According to|dismissed|described|vowing|urging|declined|denied|denies|promising|threatened|threatening|announcing|conceding|admitting|affirmed|affirms|evaluated|observed|pondered|assessed|specified)(?![\p{L}])/u;

let everyVerb: RegExp | null = null;
/** Every reporting verb in a text (the global form of REPORTING_VERB, compiled once). */
const allVerbs = (text: string) => {
  everyVerb ??= new RegExp(REPORTING_VERB.source, 'gu');
  return text.matchAll(everyVerb);
};

const PREPOSITION_BEFORE =
  /(?:^|\s)(?:from|to|with|by|for|of|on|about|against|at|than|between|like|as|after|before|over|under|into|toward|towards|met|meet|meeting|visit|visited|called|calling|urged|urging|pressed|push|persuade|told|telling)\s+$/i;
const SUBORDINATE_START =
  /^\s*["“‘']?(?:after|before|while|when|as|although|though|if|asked|speaking|responding|despite|following|unlike|with|in|on|at|during|since|because|addressing|setting|writing|appearing|arriving|meeting|asked)\b/i;

export type TimelineEntry = {
  offset: number;
  speaker: SpeakerResolution;
  gender: Gender | null;
  person: boolean;
};

export type AttributionContext = {
  text: string;
  directory: ActorDirectory;
  mentions: Mention[];
  insideQuote: (offset: number) => boolean;
  /** Resolved speakers and sentence subjects so far, in text order, for pronouns and role phrases. */
  timeline: TimelineEntry[];
  /** Every actor the article names outside quotations, for role phrases with no earlier holder in the timeline. */
  namedInArticle: Set<string>;
  /** Full names met so far, for "Mr Graham" after "Lindsey Graham". */
  candidateNames: Map<string, string>;
};

export type Attributed = { speaker: SpeakerResolution; confidence: number; at: Span };

const actorResolution = (
  context: AttributionContext,
  actorId: string,
  via: 'name' | 'alias' | 'role' | 'pronoun',
): SpeakerResolution => ({
  kind: 'actor',
  actorId,
  name: context.directory.actors.get(actorId)?.name ?? actorId,
  via,
});

const latestInTimeline = (context: AttributionContext, ids: string[], before: number): string | undefined => {
  for (let index = context.timeline.length - 1; index >= 0; index--) {
    const entry = context.timeline[index];
    if (entry.offset < before && ids.includes(entry.speaker.actorId)) return entry.speaker.actorId;
  }
  return undefined;
};

const bodyCounts = new WeakMap<AttributionContext, Map<string, number>>();
/** How often the article names an organisation: a country as timesPlacesNamed counts it, any other by its name. */
const timesNamed = (context: AttributionContext, organisation: string): number => {
  const place = placeNamed(organisation);
  if (place) return timesPlacesNamed(context.text).get(place) ?? 0;
  const counts = bodyCounts.get(context) ?? new Map<string, number>();
  bodyCounts.set(context, counts);
  let count = counts.get(organisation);
  if (count === undefined) {
    const escaped = organisation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    count = [...context.text.matchAll(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'gu'))].length;
    counts.set(organisation, count);
  }
  return count;
};

/** Of a title's holders, the one whose country the article names most, at least twice and more than any other's. */
const holderOfCountryMost = (context: AttributionContext, ids: string[]): string | undefined => {
  const scored = ids
    .map((id) => {
      const roles = context.directory.actors.get(id)?.roles ?? [];
      return { id, count: Math.max(0, ...roles.map((role) => timesNamed(context, role.organisation))) };
    })
    .sort((a, b) => b.count - a.count);
  const [best, second] = scored;
  return best && best.count >= 2 && best.count > (second?.count ?? 0) ? best.id : undefined;
};

/** One capitalised word: a surname as a later mention prints it. */
const SURNAME = /^\p{Lu}[\p{L}’'-]+$/u;

const CHILD_KIN = '(?:son|daughter|grandson|granddaughter|son-in-law|daughter-in-law)';
/** A child's introduction: "his second son, Tomas Castellano," or "Tomas Castellano, the senator's eldest son,". */
const CHILD_BEFORE = new RegExp(`\\b${CHILD_KIN},?\\s+$`);
const CHILD_AFTER = new RegExp(`^,\\s+(?:[^,.]{0,50}\\s)?${CHILD_KIN}\\b`);
/** Whether the story introduces a person, where it first prints the name in full, as someone's child. */
const introducedAsChild = (context: AttributionContext, id: string): boolean => {
  const name = context.directory.actors.get(id)?.name;
  const at = name ? context.text.indexOf(name) : -1;
  return (
    at >= 0 &&
    (CHILD_BEFORE.test(context.text.slice(Math.max(0, at - 40), at)) ||
      CHILD_AFTER.test(context.text.slice(at + name!.length, at + name!.length + 80)))
  );
};
/**
 * "the younger Bolsonaro", "the elder Bush": of the family on stage so far, the one the story introduced as a child,
 * or the one it did not. Nobody when the story has not said who is whose child.
 */
const generationOwner = (context: AttributionContext, ids: string[], at: number): string | undefined => {
  const which = /\b[Tt]he\s+(younger|elder|older)\s+$/.exec(context.text.slice(Math.max(0, at - 20), at));
  if (!which) return undefined;
  const onStage = ids.filter((id) =>
    context.timeline.some((entry) => entry.offset < at && entry.speaker.actorId === id),
  );
  const children = onStage.filter((id) => introducedAsChild(context, id));
  const others = onStage.filter((id) => !children.includes(id));
  const chosen = which[1] === 'younger' ? children : others;
  return children.length > 0 && others.length > 0 && chosen.length === 1 ? chosen[0] : undefined;
};

/**
 * Of the people who share a surname, the one a mention of it at `at` means: the one named last before it in its
 * paragraph, else the one the story introduced first (the press writes the others' given names).
 */
const surnameOwner = (
  context: AttributionContext,
  ids: string[],
  at: number,
  via: 'name' | 'alias' | 'role' | 'pronoun',
): { speaker: SpeakerResolution; confidence: number } => {
  const generation = generationOwner(context, ids, at);
  if (generation) return { speaker: actorResolution(context, generation, via), confidence: 0.85 };
  const paragraph = context.text.lastIndexOf('\n', at) + 1;
  const near = context.timeline.findLast(
    (entry) => entry.offset >= paragraph && entry.offset < at && ids.includes(entry.speaker.actorId),
  );
  return {
    speaker: actorResolution(context, near?.speaker.actorId ?? ids[0], via),
    confidence: near ? 0.85 : 0.7,
  };
};

/** Resolves a mention to a speaker on the article's day, using what came before it. */
export const resolveMention = (
  context: AttributionContext,
  mention: Mention,
): { speaker: SpeakerResolution; confidence: number } | null => {
  if (mention.kind === 'pronoun') {
    // "It urged …": the body last on stage.
    const body = context.text.startsWith('It', mention.start);
    // "the Danish minister said": the last person on stage, passing over those the story gives another country.
    const nationality = /^[Tt]he (\p{Lu}\p{Ll}+) /u.exec(context.text.slice(mention.start, mention.end));
    const place = nationality ? placeNamed(nationality[1]) : undefined;
    const ofAnotherPlace = (actorId: string) => {
      const places = (context.directory.actors.get(actorId)?.roles ?? []).flatMap((role) =>
        placesIn(`${role.title} ${role.organisation}`),
      );
      return places.length > 0 && !places.includes(place!);
    };
    for (let index = context.timeline.length - 1; index >= 0; index--) {
      const entry = context.timeline[index];
      if (entry.offset >= mention.start) continue;
      if (body) {
        if (context.directory.actors.get(entry.speaker.actorId)?.kind !== 'institution') continue;
        return { speaker: { ...entry.speaker, via: 'pronoun' } as SpeakerResolution, confidence: 0.75 };
      }
      if (!entry.person) continue;
      if (mention.gender && entry.gender && entry.gender !== mention.gender) continue;
      if (place && ofAnotherPlace(entry.speaker.actorId)) continue;
      return { speaker: { ...entry.speaker, via: 'pronoun' } as SpeakerResolution, confidence: 0.8 };
    }
    return null;
  }
  const ids = mention.actorIds;
  if (ids.length === 0) return null;
  const via = mention.kind;
  // "the minister said" just after "the minister for overseas territories, Stephen Doughty": the last person met
  // whose title holds the word, before a registered holder of the bare title.
  if (mention.kind === 'role' && !mention.specific) {
    const word = context.text
      .slice(mention.start, mention.end)
      .toLowerCase()
      .replace(/^the\s+/, '');
    const last = context.timeline.findLast((entry) => entry.offset < mention.start && entry.person);
    const titles = last ? (context.directory.actors.get(last.speaker.actorId)?.roles ?? []) : [];
    if (
      last &&
      !ids.includes(last.speaker.actorId) &&
      titles.some((role) => role.title.toLowerCase().split(/\s+/).includes(word))
    )
      return { speaker: actorResolution(context, last.speaker.actorId, via), confidence: 0.75 };
  }
  // "Kim said" with three Kims in the story.
  if (
    mention.kind === 'alias' &&
    ids.length > 1 &&
    SURNAME.test(context.text.slice(mention.start, mention.end))
  )
    return surnameOwner(context, ids, mention.start, via);
  if (ids.length === 1) {
    const confidence =
      mention.kind === 'role' ? (mention.specific ? 0.9 : 0.8) : mention.kind === 'name' ? 0.97 : 0.93;
    return { speaker: actorResolution(context, ids[0], via), confidence };
  }
  const recent = latestInTimeline(context, ids, mention.start);
  if (recent)
    return { speaker: actorResolution(context, recent, via), confidence: mention.specific ? 0.85 : 0.8 };
  const named = ids.find((id) => context.namedInArticle.has(id));
  if (named) return { speaker: actorResolution(context, named, via), confidence: 0.7 };
  // "The Prime Minister reiterated…" in a story about Australia that never names him: the holder of the country the
  // story speaks of most.
  const home = holderOfCountryMost(context, ids);
  if (home) return { speaker: actorResolution(context, home, via), confidence: 0.7 };
  if (mention.specific || mention.kind !== 'role') {
    return { speaker: actorResolution(context, ids[0], via), confidence: 0.6 };
  }
  return null;
};

/** "a statement from the ministry", "a spokesman for the Kremlin": the preposition introduces the speaker. */
const SOURCE_BEFORE =
  /(?:statement|spokes(?:man|woman|person)|letter|post|communiqu[eé]|release|readout|declaration)\s+(?:from|by|for|of)\s+(?:the\s+)?$/i;
const BODY_NOUN =
  'lobby|group|party|movement|federation|association|union|organi[sz]ation|agency|body|alliance|bloc|company|council';
/** "A Hamas spokesman " / "an EU official " before the verb: the capitalised words name the body. */
const SPOKESPERSON_OF_BODY =
  /(?:^|\s)(?:[Aa]n?|[Tt]he)\s+((?:\p{Lu}[\p{L}-]*\s+){1,3})(?:spokes(?:man|woman|person)|official|statement)\s+(?:(?:later|also|then)\s+)?$/u;
/** "Keidanren, the country's most powerful business lobby," : a single name whose aside says it is a body. */
const BODY_ASIDE = new RegExp(`^,\\s*(?:the|a|an)\\s+[^,]*\\b(?:${BODY_NOUN})\\s*,`, 'u');

/** A country, a demonym or a title: no body that speaks ("a US official", "the secretary of the council"). */
const isPlaceOrTitle = (word: string): boolean =>
  placeNamed(word) !== undefined || TITLE_WORDS.has(word.toLowerCase());

/** A body the article does not register, as a candidate speaker under the kebab of its name. */
const bodyCandidate = (name: string): SpeakerResolution => ({
  kind: 'candidate',
  actorId: toKebab(name),
  name,
  via: 'name',
});

/** The body a sentence's words before its verb of saying name as the speaker, when they name one that is no place. */
const bodyBefore = (lead: string, aside: string | null): { name: string; at: number } | null => {
  const spokes = SPOKESPERSON_OF_BODY.exec(lead);
  if (spokes) {
    const name = spokes[1].trim();
    if (name.split(/\s+/).some(isPlaceOrTitle)) return null;
    return { name, at: spokes.index + spokes[0].indexOf(name) };
  }
  // The aside names a body, not a person's post in one ("the secretary of the security council").
  const post = aside
    ?.split(/[\s,]+/)
    .some((word) => !['the', 'a', 'an', 'of', 'and'].includes(word) && TITLE_WORDS.has(word.toLowerCase()));
  if (aside && BODY_ASIDE.test(aside) && !post) {
    const named = /(?:^|[^\p{L}\s]\s*|\s\p{Ll}+\s+)(\p{Lu}[\p{L}-]+)\s*$/u.exec(
      lead.slice(0, lead.length - aside.length),
    );
    if (named && !isPlaceOrTitle(named[1]))
      return { name: named[1], at: named.index + named[0].indexOf(named[1]) };
  }
  return null;
};

/** ", who has said": a relative clause whose verb of saying belongs to the name just before it. */
const RELATIVE_SUBJECT = /,\s*who\s+(?:(?:has|have|had|also|once|repeatedly|since|\p{Ll}+ly)\s+)*$/u;
/** An adverb or auxiliary between an aside and its verb: "…, a spokesperson for the ministry, later said". */
const AFTER_ASIDE = String.raw`,\s*(?:(?:later|also|then|again|separately|had|has|have|would|\p{Ll}+ly)\s+)*$`;
/** A clause set off by commas before the verb, and a relative clause that may hold commas of its own. */
const ASIDE = new RegExp(`,[^,]{1,120}${AFTER_ASIDE}`, 'u');
const RELATIVE_ASIDE = new RegExp(`,\\s*who\\s[^"“”]{1,200}?${AFTER_ASIDE}`, 'u');
/** "According to Peskov, …": the one preposition that introduces the speaker of what follows. */
const ACCORDING_TO = /\baccording\s+to\s+(?:the\s+)?$/i;
/** "the Trump administration", "Trump officials": a name used as a modifier is not the subject. */
const MODIFIER_AFTER =
  /^\s+(?:(?:administration|government|team|campaign|camp|era|officials?|aides?|allies|plan|cabinet)\b|(?:spokes(?:man|woman|person)|adviser|advisor|envoy|chief|head)\s+\p{Lu})/u;

/** "Meloni's office said", "Netanyahu's spokesman said": the person's own office speaks for the person. */
const OWN_OFFICE =
  /^['’]s?\s+(?:office|press office|spokes(?:man|woman|person)|aides?)\s+(?:(?:also|later|then|\p{Ll}+ly)\s+)?(?:said|says|told|added|wrote|warned|stated)\b/u;

const isEligibleSubject = (context: AttributionContext, mention: Mention): boolean => {
  if (context.insideQuote(mention.start)) return false;
  if (mention.possessive)
    return (
      OWN_OFFICE.test(context.text.slice(mention.end, mention.end + 60)) &&
      mention.actorIds.every((id) => context.directory.actors.get(id)?.kind !== 'institution')
    );
  const before = context.text.slice(Math.max(0, mention.start - 40), mention.start);
  if (MODIFIER_AFTER.test(context.text.slice(mention.end, mention.end + 20))) return false;
  return (
    SOURCE_BEFORE.test(before) || ACCORDING_TO.test(before) || !PREPOSITION_BEFORE.test(before.slice(-20))
  );
};

/** "Mr Løkke ", "Ms Nielsen " right before a verb: an honorific and a surname. */
const HONORIFIC_NAME_BEFORE =
  /(?<![\p{L}])((?:Mr|Ms|Mrs|Dr|Mr\.|Ms\.|Mrs\.|Dr\.)\s+\p{Lu}[\p{L}’'-]+)\s+(?:(?:has|had|also|\p{Ll}+ly)\s+)?$/u;
const CAPITALISED_NAME =
  /((?:(?:\p{Lu}[\p{L}’'.-]*|of|the|de|von|der|van|al|bin|da|le|la)\s+){0,6}\p{Lu}[\p{L}’'-]+)(?:,[^,]{0,80},)?\s*$/u;

/** A speaker the registry does not know, from the capitalised words just before (or after) a reporting verb. */
const NEWS_AGENCIES = new Set(
  'Reuters AFP AP Bloomberg Xinhua TASS Tass RIA Interfax Yonhap Kyodo Wafa Anadolu IRNA Fars Tasnim PTI ANI Bernama'.split(
    ' ',
  ),
);
/**
 * A one-word name of a body: capitalised after a word in lower case ("talks with Hamas"), said to be a thing ("Hamas,
 * which …") or to speak in a statement, as bodies do, never introduced as a person ("Hamas said in a statement"); never
 * printed in lower case, neither a place, a month nor a news agency.
 */
const isBodyName = (text: string, name: string): boolean =>
  /^\p{Lu}[\p{L}-]{2,}$/u.test(name) &&
  !NEWS_AGENCIES.has(name) &&
  !placeNamed(name) &&
  !TITLE_WORDS.has(name.toLowerCase()) &&
  !CALENDAR.test(name) &&
  new RegExp(
    `(?:(?:^|\\s)\\p{Ll}+[,;]? ${name}\\b|\\b${name}, which\\s|\\b${name} (?:said|says|added|announced) in a (?:written |short |brief )?statement\\b)`,
    'u',
  ).test(text) &&
  !new RegExp(`\\b${name.toLowerCase()}\\b`, 'u').test(text);
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** The last word of a body's own name: "Council", "Association", "Federation". */
const ORGANISATION_HEAD =
  /^(?:Council|Association|Federation|Confederation|Union|Institute|Chamber|Society|Foundation|Forum|League|Alliance|Corporation|Company|Bureau|Board)$/;
/** The speaker a name printed at `at` names: a known alias, the cast's, or a candidate of its own. */
const candidateFrom = (context: AttributionContext, phrase: string, at: number): SpeakerResolution | null => {
  const tokens = phrase.trim().split(/\s+/);
  let first = 0;
  const hadTitle = tokens.length > 1;
  // "The American Soybean Association": a body's nationality is part of its name.
  const body = tokens.length > 1 && ORGANISATION_HEAD.test(tokens[tokens.length - 1]);
  while (
    first < tokens.length &&
    TITLE_WORDS.has(tokens[first].toLowerCase().replace(/[.’']+$/, '')) &&
    (!body || /^(?:the|a|an)$/i.test(tokens[first]))
  )
    first++;
  const name = tokens
    .slice(first)
    .join(' ')
    .replace(/[’']s$/, '');
  if (!name || !/^\p{Lu}/u.test(name)) return null;
  const words = name.split(' ');
  if (words.some((word) => /^(?:The|A|An|In|On|At|But|And|It|This|That|They|We|I|He|She)$/.test(word)))
    return null;
  if (words.length === 1) {
    // "Shri Goyal said" after "Shri Piyush Goyal": the one the article's cast calls so.
    const known = context.directory.aliases.get(name);
    if (known?.length === 1) return actorResolution(context, known[0], 'alias');
    if (known && known.length > 1 && SURNAME.test(name))
      return surnameOwner(context, known, at, 'alias').speaker;
    const full = context.candidateNames.get(name);
    if (full) return { kind: 'candidate', actorId: toKebab(full), name: full, via: 'name' };
    // "Sheikh Mohammed said" after "Sheikh Mohammed bin Abdulrahman Al Thani", "Mr Løkke said" after "Lars Løkke
    // Rasmussen": the one actor the article names in full whose name holds it as a word.
    const named = [...context.namedInArticle].filter((actorId) =>
      context.directory.actors.get(actorId)?.name.split(/\s+/).includes(name),
    );
    if (named.length === 1) return actorResolution(context, named[0], 'alias');
    // "Hamas, which has no seat on the board, said": a name the story prints capitalised mid-sentence, no place, no
    // news agency, no word of a title, is a body that speaks.
    if (!hadTitle && isBodyName(context.text, name))
      return { kind: 'candidate', actorId: toKebab(name), name, via: 'name' };
    // "The Philippines accused China": a country is no speaker, with its article or without.
    if (!hadTitle || placeNamed(name)) return null;
    return { kind: 'candidate', actorId: toKebab(name), name, via: 'name' };
  }
  if (words.length > 4) return null;
  context.candidateNames.set(words[words.length - 1], name);
  return { kind: 'candidate', actorId: toKebab(name), name, via: 'name' };
};

const mentionStartingAt = (context: AttributionContext, offset: number): Mention | undefined =>
  context.mentions.find((mention) => mention.start === offset && !context.insideQuote(offset));

/**
 * A round-up's signature under the words: "“…” — António Guterres, UN secretary-general, in a statement", "— Hamas,
 * in a statement", "— Emmanuel Macron, French president". A dash, then a name alone up to a comma or the line's end.
 */
const BYLINE = new RegExp(
  `^[ \\t]*\\n?[ \\t]*[—–-][ \\t]*((?:\\p{Lu}[\\p{L}’'.-]*)(?:[ \\t]+(?:\\p{Lu}[\\p{L}’'.-]*|and|of|for|the|de|da|al|bin|von|van|der|den|du|la|le|di|del|dos)){0,6})[ \\t]*(?=,|\\n|$)`,
  'u',
);
const byline = (context: AttributionContext, from: number, rest: string): Attributed | null => {
  const signed = BYLINE.exec(rest);
  if (!signed) return null;
  const name = signed[1];
  const nameAt = from + signed[0].length - name.length - (/[ \t]*$/.exec(signed[0])?.[0].length ?? 0);
  const at = { start: nameAt, end: nameAt + name.length };
  const named = mentionStartingAt(context, nameAt);
  if (named && named.end >= at.end) {
    const resolved = resolveMention(context, named);
    if (resolved) return { ...resolved, confidence: Math.max(resolved.confidence, 0.85), at };
  }
  const words = name.split(/\s+/);
  if (words.length === 1 && !context.directory.aliases.has(name)) {
    const full = context.candidateNames.get(name);
    if (full)
      return {
        speaker: { kind: 'candidate', actorId: toKebab(full), name: full, via: 'name' },
        confidence: 0.8,
        at,
      };
  }
  return { speaker: { kind: 'candidate', actorId: toKebab(name), name, via: 'name' }, confidence: 0.8, at };
};

/**
 * A capitalised office before a name, its portfolio perhaps a list: "Investment, Trade and Industry Minister", "Energy
 * Minister". Honorifics may stand between it and the name ("… Minister Tengku Datuk Seri Zafrul …").
 */
const OFFICE_BEFORE_NAME =
  /^(?:\p{Lu}[\p{L}-]*(?:,\s+|\s+(?:and|&)\s+|\s+)){0,8}?(?:Minister|Secretary|Commissioner|Governor|Ambassador|Envoy|Director|Chief|Spokes(?:man|woman|person)|Advis[eo]r|Chair(?:man|woman|person)?|President|Premier|Chancellor|Senator|Mayor)(?=\s)/u;
/** The mention of the name that a capitalised office printed before it introduces, within four words of it. */
const nameAfterOffice = (context: AttributionContext, from: number, limit: number): Mention | undefined => {
  const office = OFFICE_BEFORE_NAME.exec(context.text.slice(from, limit));
  if (!office) return undefined;
  const end = from + office[0].length;
  return context.mentions.find(
    (mention) =>
      mention.start > end &&
      /^(?:\s+\p{Lu}[\p{L}.]*){0,4}\s+$/u.test(context.text.slice(end, mention.start)) &&
      !context.insideQuote(mention.start),
  );
};

/** "…,” he said. / …,” said Mr Trump / …,” Senator Lindsey Graham told reporters. */
export const trailingAttribution = (
  context: AttributionContext,
  from: number,
  limit: number,
): Attributed | null => {
  const rest = context.text.slice(from, limit);
  const signed = byline(context, from, rest);
  if (signed) return signed;
  const lead = /^[\s,–—-]*/.exec(rest)![0].length;
  const at = from + lead;
  const after = context.text.slice(at, limit);
  const mention = mentionStartingAt(context, at);
  if (mention) {
    // "…,” Marles, who is also the defence minister, told the ABC": an aside may stand before the verb, and a relative
    // clause after it ("…,” Rustem Umerov, secretary of the council, who led the delegation in Florida, wrote").
    const verb =
      /^(?:,[^,”"]{1,80},)?(?:,?\s*who\s[^”"]{1,200}?,)?\s+(?:\p{Ll}+ly\s+)?(?:has\s+|had\s+|also\s+|then\s+|later\s+)?/u.exec(
        context.text.slice(mention.end, limit),
      );
    const verbAt = mention.end + (verb ? verb[0].length : 0);
    const found = REPORTING_VERB.exec(context.text.slice(verbAt, limit));
    if (found && found.index === 0) {
      const resolved = resolveMention(context, mention);
      if (resolved) return { ...resolved, at: { start: mention.start, end: verbAt + found[0].length } };
    }
  }
  const verbFirst = REPORTING_VERB.exec(after);
  if (verbFirst && verbFirst.index === 0) {
    const subjectAt =
      at + verbFirst[0].length + (/^\s*/.exec(after.slice(verbFirst[0].length))![0].length ?? 0);
    const subject = mentionStartingAt(context, subjectAt) ?? nameAfterOffice(context, subjectAt, limit);
    if (subject) {
      const resolved = resolveMention(context, subject);
      if (resolved) return { ...resolved, at: { start: at, end: subject.end } };
    }
    const named = /^((?:\p{Lu}[\p{L}’'.-]*\s+){0,5}\p{Lu}[\p{L}’'-]+)/u.exec(
      context.text.slice(subjectAt, limit),
    );
    const candidate = named ? candidateFrom(context, named[1], subjectAt) : null;
    if (candidate)
      return { speaker: candidate, confidence: 0.75, at: { start: at, end: subjectAt + named![1].length } };
  }
  const spokesperson =
    /^(?:a|an)\s+((?:\p{Lu}[\p{L}]+\s+)*)(?:spokes(?:man|woman|person)|official|statement)\s+(?:said|says|told|added)\b/u.exec(
      after,
    );
  // "a Hamas spokesman said": the body named before the noun speaks.
  // "a US official", "a Western diplomat": a country or a title is no body that speaks.
  const body = spokesperson?.[1].trim();
  const bodyWords = body ? body.split(/\s+/) : [];
  if (
    spokesperson &&
    body &&
    !bodyWords.some(isPlaceOrTitle) &&
    !/^(?:Western|Eastern|Senior|Top|Government|Administration|Military|Defence|Defense|Security)$/.test(
      bodyWords[0],
    )
  ) {
    const named = mentionStartingAt(context, at + spokesperson[0].indexOf(body));
    const resolved = named ? resolveMention(context, named) : null;
    const speaker = resolved?.speaker ?? bodyCandidate(body);
    return { speaker, confidence: 0.8, at: { start: at, end: at + spokesperson[0].length } };
  }
  // "a spokesperson said": the institution last named; "a US official said" is none of theirs.
  if (spokesperson && !body) {
    const institution = [...context.mentions]
      .reverse()
      .find(
        (mention) =>
          mention.end <= from &&
          !context.insideQuote(mention.start) &&
          mention.actorIds.length > 0 &&
          context.directory.actors.get(mention.actorIds[0])?.kind === 'institution',
      );
    if (institution) {
      const resolved = resolveMention(context, institution);
      if (resolved)
        return { ...resolved, confidence: 0.8, at: { start: at, end: at + spokesperson[0].length } };
    }
  }
  const unknown =
    /^((?:\p{Lu}[\p{L}’'.-]*\s+){0,5}\p{Lu}[\p{L}’'-]+)(?:,[^,”"]{0,80},)?\s+(?:\p{Ll}+ly\s+)?/u.exec(after);
  if (unknown) {
    const verb = REPORTING_VERB.exec(after.slice(unknown[0].length));
    if (verb && verb.index === 0) {
      const candidate = candidateFrom(context, unknown[1], at);
      if (candidate)
        return { speaker: candidate, confidence: 0.75, at: { start: at, end: at + unknown[0].length } };
    }
  }
  return titledName(context, at, after);
};

/**
 * A title in lower case before the name ("Hamas political bureau member Hossam Badran told reporters", "EU foreign
 * policy chief Kaja Kallas said"): the name just before the verb speaks, the words before it say who they are.
 */
const NAME_WORD = `(?:[\\p{Lu}][\\p{L}’'.-]*|(?:al|el|ad|as|ash|at)-[\\p{Lu}][\\p{L}’'-]*)`;
const NAME_PARTICLE = '(?:al|bin|ibn|de|da|dos|van|von|der|le|la|el|di|del)';
const TITLED_NAME = new RegExp(
  `^(?:[\\p{Lu}][\\p{L}’'.-]*\\s+){0,3}(?:(?:[\\p{Ll}][\\p{L}’'-]*|[\\p{Lu}][\\p{L}’'.-]*)\\s+){0,5}?` +
    `([\\p{Lu}][\\p{L}’'.-]*(?:\\s+(?:${NAME_PARTICLE}\\s+)?${NAME_WORD}){1,3})\\s+(?:\\p{Ll}+ly\\s+)?`,
  'u',
);
const titledName = (context: AttributionContext, at: number, after: string): Attributed | null => {
  const titled = TITLED_NAME.exec(after);
  if (!titled) return null;
  const title = titled[0].slice(0, titled[0].length - titled[0].slice(titled[0].indexOf(titled[1])).length);
  if (!/\p{Ll}/u.test(title) || allVerbs(title).next().done === false) return null;
  const verb = REPORTING_VERB.exec(after.slice(titled[0].length));
  if (!verb || verb.index !== 0) return null;
  const nameAt = at + titled[0].indexOf(titled[1]);
  const end = at + titled[0].length;
  // "Rice and Fisheries Minister Lena Vasquez said": the office is the title's, the name after it speaks.
  const named = mentionStartingAt(context, nameAt) ?? nameAfterOffice(context, nameAt, end);
  const resolved = named ? resolveMention(context, named) : null;
  if (resolved) return { ...resolved, at: { start: at, end } };
  const candidate = candidateFrom(context, titled[1], nameAt);
  return candidate ? { speaker: candidate, confidence: 0.75, at: { start: at, end } } : null;
};

/** "Sir Keir said: “…”", "the US president said it was “…”", "X, who…, told ITV:" within the quotation's sentence. */
export const leadingAttribution = (
  context: AttributionContext,
  sentence: Span,
  quoteStart: number,
): Attributed | null => {
  const { text } = context;
  const verbs = [...allVerbs(text.slice(sentence.start, quoteStart))]
    .map((match) => ({
      start: sentence.start + match.index,
      end: sentence.start + match.index + match[0].length,
    }))
    .filter((verb) => !context.insideQuote(verb.start));
  const subjects = context.mentions.filter(
    (mention) =>
      mention.start >= sentence.start && mention.end <= quoteStart && isEligibleSubject(context, mention),
  );
  const colon = /:\s*$/.test(text.slice(sentence.start, quoteStart));
  for (const verb of verbs.reverse()) {
    // "Marles said the deal would survive a review ordered by the Trump administration, insisting it was “…”": a
    // participle after a comma has the sentence's subject, not the name just before it.
    // So has a second verb joined by "and" to a first ("Erdogan said that Israel's government had become … and urged
    // Muslim countries to use …").
    if (
      (/,\s*$/.test(text.slice(sentence.start, verb.start)) &&
        /ing$/.test(text.slice(verb.start, verb.end))) ||
      (/\sand\s+(?:\p{Ll}+ly\s+)?$/u.test(text.slice(sentence.start, verb.start)) &&
        verbs.some((other) => other.end <= verb.start - 4))
    ) {
      const main = sentenceSubject(context, sentence);
      const resolved = main && main.end <= verb.start ? resolveMention(context, main) : null;
      if (resolved) return { ...resolved, at: { start: main!.start, end: verb.end } };
    }
    // "envoys sent by Trump, who has said": the relative pronoun's antecedent, whatever governs it, is the subject.
    const relative = RELATIVE_SUBJECT.exec(text.slice(sentence.start, verb.start));
    if (relative) {
      const antecedent = context.mentions
        .filter(
          (mention) =>
            mention.start >= sentence.start &&
            mention.end <= sentence.start + relative.index &&
            !context.insideQuote(mention.start) &&
            !mention.possessive,
        )
        .at(-1);
      if (antecedent && /^\s*$/.test(text.slice(antecedent.end, sentence.start + relative.index))) {
        const resolved = resolveMention(context, antecedent);
        if (resolved) return { ...resolved, at: { start: antecedent.start, end: verb.end } };
      }
    }
    // "Keir Starmer, speaking outside the White House, said": a clause set off by commas holds no subject.
    // An adverb may stand between the clause and the verb ("…, a spokesperson for the ministry, later said").
    // A relative clause may hold commas of its own ("Alckmin, who also heads the Ministry of Development, Industry,
    // Trade and Services (MDIC), said"): it runs from ", who" to the comma before the verb.
    const head = text.slice(sentence.start, verb.start);
    const aside = RELATIVE_ASIDE.exec(head) ?? ASIDE.exec(head);
    const asideStart = aside ? sentence.start + aside.index : verb.start;
    const all = subjects.filter((mention) => mention.end <= verb.start);
    const outside = all.filter((mention) => mention.end <= asideStart);
    // "The head of the federation, Ricardo Alban, said": an aside that is a bare name names the subject.
    const appositive =
      aside !== null &&
      /^,\s*(?:\p{Lu}[\p{L}.-]*\s+){1,3}\p{Lu}[\p{L}-]+\s*,/u.test(aside[0]) &&
      !aside[0]
        .slice(1)
        .split(/[\s,]+/)
        .some(isPlaceOrTitle);
    const before = outside.length > 0 && !appositive ? outside : all;
    // "A Hamas spokesman said", "Keidanren, the country's biggest business lobby, said": a body speaks.
    const body = bodyBefore(text.slice(sentence.start, verb.start), aside?.[0] ?? null);
    if (body && !all.some((mention) => mention.start >= sentence.start + body.at)) {
      return {
        speaker: bodyCandidate(body.name),
        confidence: 0.75,
        at: { start: sentence.start + body.at, end: verb.end },
      };
    }
    if (appositive && !all.some((mention) => mention.start >= asideStart)) {
      const candidate = candidateFrom(context, aside[0].replace(/^,\s*|\s*,[^,]*$/g, ''), asideStart);
      if (candidate)
        return { speaker: candidate, confidence: 0.75, at: { start: asideStart, end: verb.end } };
    }
    const subordinate = SUBORDINATE_START.exec(text.slice(sentence.start, verb.start));
    const clauseStart = subordinate ? text.indexOf(',', sentence.start) : -1;
    const inClause = before.filter(
      (mention) => clauseStart < 0 || mention.start > clauseStart || clauseStart > verb.start,
    );
    // "what Mr Løkke called": a name with an honorific just before the verb is its subject, though no alias matched it.
    const titled = HONORIFIC_NAME_BEFORE.exec(text.slice(sentence.start, verb.start));
    const titledAt = titled ? sentence.start + titled.index : -1;
    if (titled && !all.some((mention) => mention.end > titledAt)) {
      const candidate = candidateFrom(context, titled[1], titledAt);
      if (candidate) return { speaker: candidate, confidence: 0.75, at: { start: titledAt, end: verb.end } };
    }
    const subject = inClause.at(-1);
    if (subject) {
      const resolved = resolveMention(context, subject);
      if (resolved) return { ...resolved, at: { start: subject.start, end: verb.end } };
    }
    const tail = text.slice(Math.max(sentence.start, clauseStart + 1), verb.start);
    const named = CAPITALISED_NAME.exec(tail.replace(/\s+(?:has|had|have|also|\p{Ll}+ly)\s*$/u, ' '));
    if (named) {
      const candidate = candidateFrom(context, named[1], verb.start);
      if (candidate)
        return { speaker: candidate, confidence: 0.75, at: { start: verb.start, end: verb.end } };
    }
    const afterVerb = subjects.find((mention) => mention.start >= verb.end && mention.start <= verb.end + 2);
    if (afterVerb) {
      const resolved = resolveMention(context, afterVerb);
      if (resolved) return { ...resolved, at: { start: verb.start, end: afterVerb.end } };
    }
  }
  if (colon && subjects.length > 0) {
    const subordinate = SUBORDINATE_START.test(text.slice(sentence.start, quoteStart));
    const clauseStart = subordinate ? text.indexOf(',', sentence.start) : -1;
    const subject = subjects.find((mention) => mention.start > clauseStart) ?? subjects[0];
    const resolved = resolveMention(context, subject);
    if (resolved) return { ...resolved, confidence: resolved.confidence * 0.95, at: subject };
  }
  return null;
};

/**
 * "Netanyahu's statement on Wednesday that Israel would keep "…"", "Trump's remark that Taiwan "never came up"": words
 * quoted inside the that-clause of a noun of saying are the possessor's, whoever speaks in the rest of the sentence.
 */
const CLAIM_OF_POSSESSOR =
  /^['’]s?\s+(?:(?:recent|earlier|latest|own|repeated|public)\s+)?(?:statement|remark|claim|comment|assertion|insistence|pledge|promise|warning|vow|threat|words|description|suggestion|boast|complaint|accusation)s?\b[^"“”,;:.!?]{0,60}?\bthat\s[^"“”,;:.!?]{0,150}$/u;
export const claimOfPossessor = (
  context: AttributionContext,
  sentence: Span,
  quoteStart: number,
): Attributed | null => {
  const possessor = context.mentions.findLast(
    (mention) =>
      mention.possessive &&
      mention.kind !== 'pronoun' &&
      mention.start >= sentence.start &&
      mention.end < quoteStart &&
      !context.insideQuote(mention.start),
  );
  if (!possessor || !CLAIM_OF_POSSESSOR.test(context.text.slice(possessor.end, quoteStart))) return null;
  const resolved = resolveMention(context, possessor);
  return resolved ? { ...resolved, at: { start: possessor.start, end: possessor.end } } : null;
};

/** The subject of a sentence outside its quotations, for the pronouns that follow. */
export const sentenceSubject = (context: AttributionContext, sentence: Span): Mention | undefined => {
  const subordinate = SUBORDINATE_START.test(context.text.slice(sentence.start, sentence.end));
  const comma = subordinate ? context.text.indexOf(',', sentence.start) : -1;
  const clauseStart = comma >= 0 && comma < sentence.end ? comma : -1;
  const at = context.mentions.findIndex(
    (mention) =>
      mention.start >= sentence.start &&
      mention.end <= sentence.end &&
      mention.start > clauseStart &&
      isEligibleSubject(context, mention),
  );
  const subject = context.mentions[at];
  // "the minister for overseas territories, Stephen Doughty, accused": the name after the title is who it is.
  const named = context.mentions[at + 1];
  if (
    (subject?.kind === 'role' || subject?.kind === 'pronoun') &&
    named &&
    (named.kind === 'name' || named.kind === 'alias') &&
    /^(?:\s+(?:for|of)\s+[^,]{1,50})?,\s*$/.test(context.text.slice(subject.end, named.start))
  )
    return named;
  return subject;
};

export const genderOfSpeaker = (context: AttributionContext, speaker: SpeakerResolution): Gender | null =>
  speaker.kind === 'actor' ? (context.directory.genders.get(speaker.actorId) ?? null) : null;

export const isPerson = (context: AttributionContext, speaker: SpeakerResolution): boolean =>
  speaker.kind === 'candidate' || context.directory.actors.get(speaker.actorId)?.kind !== 'institution';
