import { REPORTING_VERB } from './attribution';
import type { RegistryActor } from './extraction.types';
import type { Token } from './language';
import { type Place, placeNamed, placesIn, timesPlacesNamed } from './places';
import { HONORIFICS, HONORIFICS_WITHIN_NAMES, ROLE_TITLES } from './titles';
import type { Span } from './text-spans';
import { toKebab } from '../shared/ids';

/** A person or institution an article introduces, as the article introduces it. */
export type CastMember = {
  id: string;
  name: string;
  kind: 'person' | 'institution';
  /** "foreign minister", "economic revitalisation minister", "ministry": what later mentions may call it. */
  title: string | null;
  organisation: string | null;
  /** The registry actor it is, when names and roles match on the article's day. */
  actorId: string | null;
  aliases: string[];
  at: number;
  /**
   * Introduced as someone who comments on the news rather than makes it ("an energy analyst at a Bratislava think
   * tank", "Associate Professor Lim", "who studies Iran's nuclear programme"): their words are evidence, not a
   * political actor's position.
   */
  commentator: boolean;
};

const ROLE_NOUN =
  /^(?:minister|secretary|spokes(?:man|woman|person)|president|premier|chair(?:man|woman|person)?|ambassador|envoy|advis[eo]r|director|head|chief|leader|commander|governor|mayor|member|analyst|economist|expert|professor|lawmaker|senator|legislator|teacher|farmer|activist|official|negotiator|commissioner|researcher|fellow|lecturer|historian|diplomat|administrator|representative|mp|mep|officer|journalist|editor|correspondent|founder|executive|ceo|candidate|politician|campaigner|resident|student|worker|trader|doctor|nurse|\p{L}*ologist|scientist|specialist|strategist|pollster|lawyer|judge|prosecutor|aide|monarch|cleric|imam|bishop|premier|speaker|general|admiral|colonel|brigadier|marshal|lieutenant|captain|veteran|congressman|congresswoman|congressperson|deputy|councillor|councilor|assemblyman|assemblywoman|son|daughter|wife|husband|brother|sister|widow)s?$/iu;
const PLACE_OR_BODY =
  /^(?:City|Council|Office|House|Base|Ministry|Department|Committee|Union|Assembly|Party|Agency|Fund|Foundation|Institute|University|College|Dam|Sea|Strait|Straits|Island|Islands|Square|Palace|Street|Bank|Group|Forces|Army|Navy|News|Radio|Television|TV|Times|Post|Journal|Social|Business|Bridge|Canal|Airport|Port|Province|Region|State|States|Kingdom|Republic|Federation|Court|Parliament|Congress|Senate|Commission|Organisation|Organization|Movement|Front|Coalition|Alliance|Summit|Conference|Forum|Agreement|Accord|Treaty|Plan|Initiative|Act|Day|Corridor|Route|Gulf|Ocean|River|Valley|Coast|Heights|Centre|Center|Network|Service|Authority|Administration|Cabinet|Government|Embassy|Guard|Corps|Command|Society|Association|Chamber|Company|Corporation|Bureau|Tribunal|Affairs|Security|Nations|League)$/;
const PARTICLE = /^(?:bin|bint|ibn|al|el|de|da|dos|das|du|van|von|der|den|la|le|di|y)$/;
const LEADING_WORDS = new Set(
  (
    'in on at as after before while when if then so yet but and or the a an this that these those his her their its our ' +
    'asked speaking writing referring meanwhile however also both even only for from with without by to of since until ' +
    'during despite following under over among between against about according like unlike earlier later today ' +
    'yesterday last next new aboard inside outside near beside behind'
  ).split(' '),
);
const INSTITUTION_PHRASE =
  /(?<![\p{L}])(?:the\s+)?(?:(?:US|U\.S\.)\s+)?(State Department|Pentagon|Foreign Office)(?![\p{L}])|(?<![\p{L}])(?:the\s+|The\s+)?([A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+)?)(?:['’]s)?\s+((?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior|[Cc]ommerce|[Tt]rade|[Ff]inance|[Ee]conomy|[Jj]ustice|[Hh]ealth|[Ii]nformation|[Ee]xternal [Aa]ffairs)\s+(?:[Mm]inistry|[Oo]ffice|[Dd]epartment)|foreign office|government|cabinet|presidency|military|army)(?![\p{L}])/gu;
/**
 * "The U.S. Embassy in Brasilia", "Israel's embassy in Wellington": a country's embassy, with the city it sits in, so
 * that the city is no speaker.
 */
const EMBASSY =
  /(?<![\p{L}])(?:the\s+|The\s+)?(U\.S\.|U\.K\.|[A-Z][\p{L}]+)(?:['’]s)?\s+[Ee]mbassy(?:\s+in\s+[A-Z][\p{L}]+(?:[\s-][A-Z][\p{L}]+)?)?(?![\p{L}])/gu;
/** "The government of Mauritius", "the Ministry of Foreign Affairs of Qatar": the country after the body. */
const BODY_OF_COUNTRY =
  /(?<![\p{L}])(?:the\s+|The\s+)(government|[Ff]oreign [Mm]inistry|Ministry of (?:Foreign|External) Affairs|Ministry of Defen[cs]e)\s+of\s+(?:the\s+)?([A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+)?)(?![\p{L}])/gu;
/** A ministry named by its portfolio alone: "the trade ministry", "the foreign ministry". */
const BARE_MINISTRY =
  /(?<![\p{L}'’])the\s+((?:foreign|defen[cs]e|interior|commerce|trade|finance|economy|justice|health)\s+ministry)(?![\p{L}'’])/gu;
const BARE_GOVERNMENT =
  /(?<![\p{L}])the government\s+(?:said|says|stated|announced|added|insisted|warned|replied|responded)\b/u;
/** A ministry named in full, as the press names it by country: "the Egyptian foreign ministry". */
const MINISTRY_KIND: [RegExp, string][] = [
  [
    /^(?:Ministry of (?:Foreign|External) Affairs|[Ff]oreign [Mm]inistry|[Ee]xternal [Aa]ffairs [Mm]inistry)\b/,
    'foreign ministry',
  ],
  [/^(?:Ministry of Defence|[Dd]efence [Mm]inistry)\b/, 'defence ministry'],
  [/^(?:Ministry of Defense|[Dd]efense [Mm]inistry)\b/, 'defense ministry'],
];
/**
 * One id per body whatever the form: "Ministry of Foreign Affairs" and "foreign ministry" are one, as is "external
 * affairs"; a defence ministry keeps the spelling the story prints.
 */
const bodyKind = (head: string): string => {
  for (const [pattern, kind] of MINISTRY_KIND) if (pattern.test(head)) return kind;
  return head.toLowerCase();
};
/** The country a story names most, for a ministry it names without one ("the Ministry of Foreign Affairs said"). */
const countryNamedMost = (text: string): Place | undefined => {
  const [best, second] = [...timesPlacesNamed(text)].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 && best[1] > (second?.[1] ?? 0) ? best[0] : undefined;
};
/** The last country (or its capital) named earlier in the sentence: "In a statement issued in Kigali, the Ministry…". */
const countryInSentence = (text: string, at: number): Place | undefined =>
  placesIn(
    text
      .slice(Math.max(0, at - 300), at)
      .split(/[.!?]\s+|\n/)
      .at(-1) ?? '',
  ).at(-1);
/** The country just before a body ("Qatar's", "the Qatari"), if any. */
const COUNTRY_BEFORE = /(?:^|\s)(?:the\s+)?(\p{Lu}\p{L}+)(?:['’]s)?\s+$/u;
const ARMED_GROUP =
  /(?<![\p{L}])(?:the\s+|The\s+)?([A-Z][\p{L}\p{N}-]*[\p{Lu}\p{N}][\p{L}\p{N}-]*)\s+(?:(rebel|militant|armed|militia|paramilitary|opposition|political|business|industry|employers['’]?)\s+)?(group|movement|coalition|alliance|lobby|federation|party)(?![\p{L}])/gu;
/** A body known by its letters, then an apposition saying what it is, then a verb of saying. */
const ACRONYM_SUBJECT =
  /(?<![\p{L}])([A-Z]{2,8}),\s+(?:the|a|an)\s+[^,.]{0,60}?\b(body|agency|unit|authority|office|group|organi[sz]ation|command|force|association|union|movement|department|ministry|council|committee|coalition|alliance|bloc|network|service|company|regulator|watchdog)\b[^,.]{0,80},\s+(?:said|says|told|added|warned|stated|announced|insisted|wrote|posted)\b/gu;
/**
 * Bodies the press names by the building or street they sit in ("Wisma Putra said", "the Quai d'Orsay said"), as the
 * body each stands for: a country's body, or the one id the press gives it. The Kremlin, the White House and Downing
 * Street are in the registry under their own names. A president's palace (the Élysée) is left out: what it says is
 * read as the president's, and a `french-presidency` made such lines worse.
 */
const SEATS: { seat: RegExp; country?: string; kind?: string; id?: string; name?: string }[] = [
  { seat: /Wisma Putra/u, country: 'Malaysia', kind: 'foreign ministry' },
  { seat: /Quai d['’]Orsay/u, country: 'France', kind: 'foreign ministry' },
  { seat: /Farnesina/u, country: 'Italy', kind: 'foreign ministry' },
  { seat: /Itamaraty/u, country: 'Brazil', kind: 'foreign ministry' },
  { seat: /Auswärtiges Amt/u, country: 'Germany', kind: 'foreign ministry' },
  { seat: /Gaimusho/u, country: 'Japan', kind: 'foreign ministry' },
  { seat: /Foggy Bottom/u, id: 'state-department', name: 'State Department' },
];
/** Each seat as printed, on word boundaries, and the whole of a run of capitals that is one. */
const SEAT_PATTERNS = SEATS.map((entry) => ({
  ...entry,
  found: new RegExp(`(?<![\\p{L}])(?:${entry.seat.source})(?![\\p{L}])`, 'gu'),
}));
const WHOLE_SEAT = new RegExp(`^(?:${SEATS.map((entry) => entry.seat.source).join('|')})$`, 'u');

/** The head noun of a body named in full, captured: the member's role noun. */
const BODY_HEAD =
  '(Ministry|Department|Office|Council|Commission|Agency|Federation|Confederation|Union|Organi[sz]ation|Committee|Institute|Authority|Association|Chamber|Bureau|Secretariat|Movement|Front)';
/**
 * A body named in full with its complement: "the Ministry of Foreign Affairs and International Cooperation", "the
 * Federation of Korean Industries", "the Organisation of Islamic Cooperation" ("and", "of" and "the" inside it).
 */
const NAMED_BODY = new RegExp(
  `(?<![\\p{L}])(?:the\\s+|The\\s+)?((?:[A-Z][\\p{L}]+\\s+){0,3}?${BODY_HEAD}\\s+(?:of|for|on)(?:\\s+(?:the|and|of|for|[A-Z][\\p{L}]+))*?\\s+[A-Z][\\p{L}]+)(?:\\s+\\(([A-Z][A-Za-z]{1,7})\\))?(?=\\s+(?:said|says|told|added|warned|stated|announced|insisted|called|urged|described|has|had|have|in|on|,|\\.|:)|[,.:;])`,
  'gu',
);

const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.text) && token.pos !== 'PUNCT';
const isInitial = (token: Token) => /^\p{Lu}\.?$/u.test(token.text);
const plain = (word: string) => word.toLowerCase().replace(/\.$/, '');

type Run = { tokens: Token[]; start: number; end: number };

/** Runs of capitalised words outside quotations: "Chilean Foreign Minister Ana Rojas", "Mohammed bin Salman". */
const capitalisedRuns = (text: string, tokens: Token[], insideQuote: (offset: number) => boolean): Run[] => {
  const runs: Run[] = [];
  let current: Token[] = [];
  const close = () => {
    if (current.length > 0)
      runs.push({ tokens: current, start: current[0].start, end: current[current.length - 1].end });
    current = [];
  };
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const gap = current.length > 0 ? text.slice(current[current.length - 1].end, token.start) : null;
    const joined = gap !== null && /^[ \t]*$/.test(gap);
    // "Jens-Frederik", "Ching-te": a hyphenated piece belongs to the name it is glued to.
    if (gap === '' && (token.text === '-' || text[token.start - 1] === '-')) {
      current.push(token);
      return;
    }
    // "Abdel Fattah al-Burhan": a particle glued by a hyphen to the capital that follows.
    const glued = next?.text === '-' && tokens[index + 2] !== undefined && isCapitalised(tokens[index + 2]);
    const particle =
      PARTICLE.test(token.text) && next !== undefined && (isCapitalised(next) || glued) && current.length > 0;
    if ((isCapitalised(token) || particle) && !insideQuote(token.start)) {
      if (!joined) close();
      current.push(token);
    } else close();
  });
  close();
  return runs;
};

/** "civil society activist Espoir Ngalukiye", "Foreign ministry spokesperson Guo Jiakun": the role just before. */
const roleWordsBefore = (tokens: Token[], index: number, text: string): string[] => {
  const words: string[] = [];
  for (let at = index - 1; at >= 0 && words.length < 4; at--) {
    const token = tokens[at];
    if (!/^[ \t]+$/.test(text.slice(token.end, tokens[at + 1].start))) break;
    if (!['NOUN', 'ADJ', 'PROPN'].includes(token.pos)) break;
    words.unshift(token.text);
  }
  return words.length > 0 && ROLE_NOUN.test(words[words.length - 1]) ? words : [];
};

const APPOSITION =
  /^,\s+((?:(?:the|a|an)\s+)?(?:[A-Z][\p{L}]+['’]s\s+)?(?:[\p{L}-]+\s+){0,4}?([\p{L}-]+))(?:\s+(?:of|at|for|to|in)\s+[^,.;]{1,60})?,/u;
/** "Fiona Kerr-Mackay, a retired British general who served …": the role before a relative clause. */
const RELATIVE_APPOSITION =
  /^,\s+((?:(?:the|a|an)\s+)?(?:[A-Z][\p{L}]+['’]s\s+)?(?:[\p{L}-]+\s+){0,4}?([\p{L}-]+))\s+(?:who|which)\s/u;
const AGE_APPOSITION = /^,\s+\d{1,3},/;
/** After the name in a sound-bite label, "/Professor, Institute for Peninsula Studies:": the post up to a comma. */
const SOUND_BITE_LABEL = /^\/([^,:\]\n]{1,60})(?:,[^:\]\n]{0,80})?:/;
/** The trades of those the press asks to explain the news: scholars, analysts, economists, retired officers. */
const COMMENTATOR_NOUN =
  /^(?:analyst|economist|expert|professor|prof|researcher|fellow|lecturer|historian|scholar|academic|strategist|pollster|\p{L}*ologist|scientist|retired|retd|commentator|observer)s?$/iu;
/**
 * After the name: ", an energy analyst at …", ", now a defence analyst,", ", who teaches international law at …",
 * ", who studies …", ", who advised the EU's envoy …", ", a lecturer in …".
 */
const COMMENTATOR_AFTER =
  /^(?:\s*\([^)]{1,20}\))?,\s+(?:\d{1,3},\s+)?(?:(?:now|herself|himself)\s+)?(?:(?:(?:a|an|the)\s+)?(?:[\p{L}-]+['’]s\s+)?(?:[\p{L}-]+\s+){0,4}?(?:analyst|economist|expert|professor|researcher|fellow|lecturer|historian|scholar|academic|strategist|pollster|\p{L}*ologist|scientist|commentator|observer)s?\b|who\s+(?:studies|teaches|researches|lectures|follows|tracks|advised|writes\s+about|specialises|specializes)\b)/u;
const FUNCTION_WORD = /^(?:He|She|It|I|We|They|You|His|Her|Its|Our|Their|The|This|That|These|Those|A|An)$/;
/** "Eduardo Bolsonaro, the former president's son,", "Ana Ruiz, who…": kin and "who" are said of people only. */
const KIN_OR_WHO =
  /^(?:\s*\([^)]{1,20}\))?,\s+(?:who\b|(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}-]+['’]s\s+|[\p{L}-]+\s+){0,3}(?:son|daughter|wife|husband|widow|widower|brother|sister|father|mother|nephew|niece|cousin|grandson|granddaughter|uncle|aunt|son-in-law|daughter-in-law)\b)/u;

/** Words that say an office is held no longer, or only for now: no part of the office's name. */
const OUT_OF_OFFICE_OR_PASSING = /^(?:former|acting|interim|outgoing|retd|retired)$/i;

const titleOf = (words: string[]): { title: string | null; organisation: string | null } => {
  // A former president is no longer "the president" of the article.
  const former = words.some((word) => /^(?:former|ex|retd|retired)$/i.test(word));
  let organisation: string | null = null;
  const kept: string[] = [];
  for (const word of words) {
    const place = placeNamed(word);
    if (place && !ROLE_TITLES.has(plain(word))) {
      organisation = place.name;
      continue;
    }
    if (HONORIFICS.has(plain(word)) || OUT_OF_OFFICE_OR_PASSING.test(word)) continue;
    kept.push(word.toLowerCase());
  }
  // "minister for Europe" without its place: no dangling "for".
  while (kept.length > 0 && /^(?:for|of|the|and)$/.test(kept[kept.length - 1])) kept.pop();
  return { title: kept.length > 0 && !former ? kept.join(' ') : null, organisation };
};

const folded = new Map<string, string>();
/** Without accents, in lower case: once per string (the registry's names are folded for every article). */
const fold = (text: string): string => {
  let plain = folded.get(text);
  if (plain === undefined) {
    plain = foldText(text);
    if (folded.size >= 20_000) folded.clear();
    folded.set(text, plain);
  }
  return plain;
};

const foldText = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .toLowerCase();

/** The registry actor a person introduced by the article is, when the names match (an initial may stand for a name). */
const registryMatch = (name: string, registry: RegistryActor[], title: string | null): string | null => {
  const words = fold(name).split(/\s+/);
  const surname = words[words.length - 1];
  for (const actor of registry) {
    if (actor.kind !== 'person') continue;
    for (const known of [actor.name, ...actor.aliases]) {
      const knownWords = fold(known).split(/\s+/);
      if (knownWords.length < 2 || knownWords[knownWords.length - 1] !== surname) continue;
      const first = words[0];
      if (
        knownWords[0] === first ||
        (first.length <= 2 && knownWords[0].startsWith(first.replace(/\.$/, '')))
      )
        return actor.id;
      if (title && actor.roles.some((role) => fold(role.title).includes(title.split(' ').at(-1) ?? '')))
        if (knownWords.length === words.length) return actor.id;
    }
  }
  return null;
};

const institutionMember = (
  id: string,
  name: string,
  at: number,
  head: string,
  organisation: string | null,
  aliases: string[],
): CastMember => ({
  id,
  name,
  kind: 'institution',
  title: head,
  organisation,
  actorId: null,
  aliases,
  at,
  commentator: false,
});

/** A country's body as the press names it: `qatari-foreign-ministry`, "Qatari foreign ministry". */
const countryBody = (place: Place, kind: string, at: number, aliases: string[]): CastMember =>
  institutionMember(
    toKebab(`${place.demonym} ${kind}`),
    `${place.demonym} ${kind}`,
    at,
    kind,
    place.name,
    aliases,
  );

/** "Egypt's foreign ministry", with either apostrophe: how the press names a body by its country. */
const possessiveForms = (place: Place, head: string): string[] => [
  `${place.name}'s ${head}`,
  `${place.name}’s ${head}`,
];

/** Institutions the article names: "the Egyptian foreign ministry", "Pakistan's foreign office", "the M23 rebel group". */
const institutions = (text: string, insideQuote: (offset: number) => boolean): CastMember[] => {
  const found: CastMember[] = [];
  for (const match of text.matchAll(INSTITUTION_PHRASE)) {
    if (insideQuote(match.index)) continue;
    if (match[1]) {
      const id = toKebab(match[1]);
      found.push(institutionMember(id, match[1], match.index, 'department', 'United States', [match[1]]));
      continue;
    }
    const place = placeNamed(match[2]);
    if (!place) continue;
    const head = bodyKind(match[3]);
    const id = toKebab(`${place.demonym} ${head}`);
    const printed = match[0].replace(/^(?:the|The)\s+/, '');
    found.push(
      institutionMember(id, `${place.demonym} ${head}`, match.index, head.split(' ').at(-1)!, place.name, [
        printed,
        `${place.demonym} ${head}`,
        ...possessiveForms(place, head),
      ]),
    );
  }
  for (const match of text.matchAll(EMBASSY)) {
    const place = placeNamed(match[1]);
    if (insideQuote(match.index) || !place) continue;
    // The press names the United States' as "the US embassy", never "the American embassy" in a name.
    const name = place.name === 'United States' ? 'US embassy' : `${place.demonym} embassy`;
    const printed = match[0].replace(/^(?:the|The)\s+/, '');
    found.push(
      institutionMember(toKebab(name), name, match.index, 'embassy', place.name, [
        printed,
        name,
        ...possessiveForms(place, 'embassy'),
      ]),
    );
  }
  for (const match of text.matchAll(ARMED_GROUP)) {
    if (insideQuote(match.index) || LEADING_WORDS.has(match[1].toLowerCase())) continue;
    found.push(
      institutionMember(toKebab(match[1]), match[1], match.index, match[3].toLowerCase(), null, [
        match[1],
        match[2] ? `${match[1]} ${match[2]} ${match[3]}` : `${match[1]} ${match[3]}`,
      ]),
    );
  }
  // "COGAT, the Israeli military body that oversees aid, said": a body known by its letters, an apposition after.
  for (const match of text.matchAll(ACRONYM_SUBJECT)) {
    if (insideQuote(match.index) || LEADING_WORDS.has(match[1].toLowerCase())) continue;
    found.push(
      institutionMember(toKebab(match[1]), match[1], match.index, match[2].toLowerCase(), null, [match[1]]),
    );
  }
  for (const entry of SEAT_PATTERNS)
    for (const match of text.matchAll(entry.found)) {
      if (insideQuote(match.index)) continue;
      const place = entry.country ? placeNamed(entry.country) : undefined;
      if (place && entry.kind) found.push(countryBody(place, entry.kind, match.index, [match[0]]));
      else if (entry.id && entry.name)
        found.push(
          institutionMember(entry.id, entry.name, match.index, 'department', null, [match[0], entry.name]),
        );
    }
  // "A statement from the trade ministry said" after "South Korea's trade minister said": the ministry of the one
  // country whose minister of that portfolio the story names, unless it names such a ministry with its country.
  for (const match of text.matchAll(BARE_MINISTRY)) {
    const kind = bodyKind(match[1]);
    if (insideQuote(match.index) || found.some((member) => member.name.toLowerCase().endsWith(kind)))
      continue;
    const portfolio = kind.split(' ')[0];
    const ministers = new Set(
      [
        ...text.matchAll(
          new RegExp(
            `(\\p{Lu}[\\p{L}]+(?:\\s\\p{Lu}[\\p{L}]+)?)(?:['’]s)?\\s+${portfolio}\\s+minister\\b`,
            'giu',
          ),
        ),
      ]
        .map((minister) => placeNamed(minister[1].replace(/^The\s+/, '')))
        .filter((place) => place !== undefined),
    );
    const [home] = ministers;
    if (ministers.size === 1) found.push(countryBody(home, kind, match.index, [match[0], `The ${match[1]}`]));
  }
  // "the government said that Brazil …" in a story about Brazil: the government of the country it names most.
  const bare = BARE_GOVERNMENT.exec(text);
  const home = bare && !insideQuote(bare.index) ? countryNamedMost(text) : undefined;
  if (bare && home) found.push(countryBody(home, 'government', bare.index, ['the government']));
  for (const match of text.matchAll(BODY_OF_COUNTRY)) {
    const place = placeNamed(match[2]);
    if (insideQuote(match.index) || !place) continue;
    const head = bodyKind(match[1]);
    found.push(countryBody(place, head, match.index, [match[0].replace(/^(?:the|The)\s+/, '')]));
  }
  for (const match of text.matchAll(NAMED_BODY)) {
    if (insideQuote(match.index)) continue;
    const kind = bodyKind(match[1]);
    if (kind !== match[1].toLowerCase()) {
      // "the Ministry of Foreign Affairs (and International Cooperation)" of the country just named, or of the story's.
      const before = COUNTRY_BEFORE.exec(text.slice(Math.max(0, match.index - 30), match.index));
      const place =
        (before ? placeNamed(before[1]) : undefined) ??
        countryInSentence(text, match.index) ??
        countryNamedMost(text);
      if (place) {
        // With its article too, or "the Ministry" read as a title would take the mention.
        const aliases = [`the ${match[1]}`, `The ${match[1]}`, match[1], ...(match[3] ? [match[3]] : [])];
        found.push(countryBody(place, kind, match.index, aliases));
        continue;
      }
    }
    found.push(
      // "The Federation of German Industries (BDI)": the letters in brackets name it from then on.
      institutionMember(toKebab(match[1]), match[1], match.index, match[2].toLowerCase(), null, [
        match[1],
        ...(match[3] ? [match[3]] : []),
      ]),
    );
  }
  return found;
};

const personAliases = (name: string, text: string): string[] => {
  const words = name.split(/\s+/);
  const surname = words[words.length - 1];
  const aliases = new Set([name]);
  if (words.length >= 2) {
    aliases.add(surname);
    // "Al Ansari" for "Majed bin Mohammed Al Ansari": a surname with its particle.
    const withParticle =
      words.length >= 3 && PARTICLE.test(words[words.length - 2].toLowerCase())
        ? `${words[words.length - 2]} ${surname}`
        : null;
    if (withParticle) aliases.add(withParticle);
    // Only the honorifics the article prints: they also tell a pronoun's gender. A family name may come first
    // ("Ms He" for He Yongqian).
    for (const honorific of ['Mr', 'Mr.', 'Ms', 'Ms.', 'Mrs', 'Mrs.', 'Dr', 'Dr.'])
      for (const family of [surname, words[0], ...(withParticle ? [withParticle] : [])])
        if (text.includes(`${honorific} ${family}`)) aliases.add(`${honorific} ${family}`);
    // "Abiy said", "Anwar said", "Lai said": outlets use the given name or a family name that comes first; "He"
    // alone is the pronoun.
    if (!isInitialWord(words[0]) && !FUNCTION_WORD.test(words[0])) aliases.add(words[0]);
    if (words.length >= 3) aliases.add(words.slice(1).join(' '));
  }
  return [...aliases];
};

const isInitialWord = (word: string) => /^\p{Lu}\.?$/u.test(word);

/** The office of a title that says "former" ("former President", "ex-prime minister"): "president", "prime minister". */
const formerTitleOf = (words: string[]): string | null => {
  const at = words.findIndex((word) => /^(?:former|ex)$/i.test(word));
  if (at < 0) return null;
  const office = words
    .slice(at + 1)
    .filter((word) => ROLE_TITLES.has(plain(word)) && !OUT_OF_OFFICE_OR_PASSING.test(word))
    .map((word) => word.toLowerCase());
  return office.length > 0 ? office.join(' ') : null;
};

/**
 * The article's cast: every person introduced with a title, a role or as the subject of a verb of saying, and
 * every institution named, each once, with the kebab id of the full name as introduced (`ana-rojas`, never
 * `chilean-ana-rojas`) and the aliases later mentions use (surname, "Mr X", the title as "the minister").
 * People the registry knows keep their registry id (`actorId`). Aliases two members share are dropped.
 */
export const buildCast = (
  text: string,
  tokens: Token[],
  insideQuote: (offset: number) => boolean,
  registry: RegistryActor[],
  known: Span[],
): CastMember[] => {
  const members = new Map<string, CastMember>();
  const registryIds = new Set(registry.map((actor) => actor.id));
  // A registry name within the run is that actor, but a surname alone at its end is not: "Pipaluk Nielsen" is
  // someone else than the registry's "Nielsen" (registryMatch says when the given names agree).
  const covered = (span: Span) =>
    known.some(
      (mention) =>
        mention.start < span.end &&
        span.start < mention.end &&
        !(
          mention.end === span.end &&
          mention.start > span.start &&
          !/\s/.test(text.slice(mention.start, mention.end))
        ),
    );
  const tokenIndex = new Map(tokens.map((token, index) => [token, index]));
  for (const run of capitalisedRuns(text, tokens, insideQuote)) {
    const words = [...run.tokens];
    while (words.length > 0 && LEADING_WORDS.has(plain(words[0].text))) words.shift();
    const stripped: string[] = [];
    while (words.length > 0) {
      const word = plain(words[0].text);
      const next = words[1] ? plain(words[1].text) : '';
      const titleLike =
        HONORIFICS.has(word) ||
        ROLE_TITLES.has(word) ||
        ROLE_NOUN.test(word) ||
        (placeNamed(word) !== undefined && words.length > 2) ||
        (ROLE_TITLES.has(next) && !HONORIFICS.has(next) && words.length > 2);
      if (!titleLike) break;
      stripped.push(words.shift()!.text);
    }
    // "Minister of Foreign Affairs Sheikh Mohammed bin…", "the League of Arab States Ahmed Aboul Gheit": the name
    // begins after the last honorific or body word inside the run.
    const lastPrefix = words.findLastIndex(
      (word, at) =>
        at < words.length - 2 &&
        ((HONORIFICS.has(plain(word.text)) && !HONORIFICS_WITHIN_NAMES.has(plain(word.text))) ||
          PLACE_OR_BODY.test(word.text)),
    );
    if (lastPrefix >= 0) stripped.push(...words.splice(0, lastPrefix + 1).map((word) => word.text));
    // "Arab League Secretary-General Ahmed Aboul Gheit": the office after the body is a title too.
    while (
      lastPrefix >= 0 &&
      words.length > 2 &&
      (ROLE_TITLES.has(plain(words[0].text)) ||
        HONORIFICS.has(plain(words[0].text)) ||
        /^[-–]$/.test(words[0].text))
    )
      stripped.push(words.shift()!.text);
    while (words.length > 0 && (/^\(|\)$/.test(words[0].text) || /^[-–]/.test(words[0].text))) words.shift();
    // Particles ("bin", "Al", "von der") lengthen a name without making it another.
    const nameWords = words.filter((word) => !PARTICLE.test(word.text) && !/^Al$/.test(word.text)).length;
    if (words.length < 2 || nameWords > 5) continue;
    // "a post on X. He repeated": a pronoun or an article is no part of a name, the run crossed a sentence.
    // "He" opening a run of names is the Chinese surname ("spokeswoman He Yongqian"), not the pronoun.
    const surnameHe =
      words.length >= 2 && words[0].text === 'He' && !/[.!?]/.test(text.slice(words[0].end, words[1].start));
    if (words.some((word, at) => FUNCTION_WORD.test(word.text) && !(at === 0 && surnameHe))) continue;
    const last = words[words.length - 1].text;
    // "Jordan Bardella, president of…": a given name may be a country's, when a title or a post says it is a person.
    const placeFirst = words.length === 2 && placeNamed(words[0].text) !== undefined;
    if (
      PLACE_OR_BODY.test(last) ||
      placeNamed(words.map((word) => word.text).join(' ')) ||
      words.some((word, at) => placeNamed(word.text) && !isInitial(word) && !(placeFirst && at === 0))
    )
      continue;
    if (words.every(isInitial)) continue;
    // "Wisma Putra said": a seat of government is the body it houses, no person.
    if (WHOLE_SEAT.test(text.slice(words[0].start, words.at(-1)!.end))) continue;
    const span = { start: words[0].start, end: words[words.length - 1].end };
    if (covered(span)) continue;
    const name = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    const before = roleWordsBefore(tokens, tokenIndex.get(run.tokens[0])!, text);
    const after = text.slice(span.end, span.end + 160);
    const apposition = APPOSITION.exec(after) ?? RELATIVE_APPOSITION.exec(after);
    const appositionRole = apposition && ROLE_NOUN.test(apposition[2]) ? apposition[1] : null;
    // "Somaliland's foreign minister, Abdirahman Dahir Adan, said": the title stands before the comma.
    const titleBefore =
      /(?:^|[\s(])((?:[A-Z][\p{L}]+['’]s\s+|the\s+|The\s+|[A-Z][\p{L}]+\s+)?(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+)(?:\s+(?:for|of)\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3})?),\s*$/u.exec(
        text.slice(Math.max(0, span.start - 80), span.start),
      );
    const roleBefore = titleBefore && ROLE_NOUN.test(titleBefore[2]) ? titleBefore[1] : null;
    const speaks =
      REPORTING_VERB.exec(
        after.replace(/^,[^,]{1,80},/, '').replace(/^[\s,]+(?:(?:has|had|also|then|later)\s+)?/, ' '),
      )?.index === 1 ||
      /(?:said|says|told|added|according to|wrote)\s+$/.test(
        text.slice(Math.max(0, span.start - 20), span.start),
      );
    // "[Yoon Hae-rin/Professor, Institute for Peninsula Studies: "…"]": a broadcast's sound-bite label names a person
    // before the slash, the post after it.
    const label = /(?:^|\n)\[$/.test(text.slice(Math.max(0, span.start - 2), span.start))
      ? SOUND_BITE_LABEL.exec(after)
      : null;
    const labelRole = label ? label[1].trim() : null;
    const person =
      labelRole !== null ||
      KIN_OR_WHO.test(after) ||
      stripped.length > 0 ||
      before.length > 0 ||
      appositionRole !== null ||
      roleBefore !== null ||
      AGE_APPOSITION.test(after) ||
      COMMENTATOR_AFTER.test(after) ||
      speaks;
    if (!person) continue;
    if (
      placeFirst &&
      stripped.length === 0 &&
      before.length === 0 &&
      appositionRole === null &&
      roleBefore === null
    )
      continue;
    const id = toKebab(name);
    if (members.has(id)) continue;
    const { title, organisation } = titleOf([
      ...stripped,
      ...before,
      ...(appositionRole ? appositionRole.split(/\s+/) : []),
      ...(roleBefore && !appositionRole ? roleBefore.split(/\s+/) : []),
      ...(labelRole ? labelRole.split(/\s+/) : []),
    ]);
    const actorId = registryIds.has(toKebab(name)) ? toKebab(name) : registryMatch(name, registry, title);
    // "former president Jair Bolsonaro" is "the former president" from then on (and no longer "the president").
    const formerTitle = formerTitleOf([...stripped, ...before]);
    const roleWords = [
      ...stripped,
      ...before,
      ...(appositionRole ?? '').split(/\s+/),
      ...(labelRole ?? '').split(/\s+/),
    ];
    members.set(id, {
      id: actorId ?? id,
      name,
      kind: 'person',
      title: title?.replace(/^(?:the|a|an)\s+/, '').replace(/^\S+['’]s\s+/, '') ?? null,
      organisation:
        organisation ??
        (appositionRole
          ? (placeNamed(/^(?:the\s+)?(\S+?)['’]s\s/.exec(appositionRole)?.[1] ?? '')?.name ?? null)
          : null),
      actorId,
      aliases: [
        ...personAliases(name, text),
        ...(formerTitle ? [`the former ${formerTitle}`, `The former ${formerTitle}`] : []),
      ],
      at: span.start,
      commentator: roleWords.some((word) => COMMENTATOR_NOUN.test(word)) || COMMENTATOR_AFTER.test(after),
    });
  }
  for (const institution of institutions(text, insideQuote))
    if (!members.has(institution.id))
      members.set(institution.id, {
        ...institution,
        actorId: registryIds.has(institution.id) ? institution.id : null,
      });
  const cast = [...members.values()];
  const owners = new Map<string, Set<string>>();
  const registryAliases = new Set(registry.flatMap((actor) => [actor.name, ...actor.aliases]));
  for (const member of cast)
    for (const alias of member.aliases) owners.set(alias, (owners.get(alias) ?? new Set()).add(member.id));
  cast.sort((a, b) => a.at - b.at);
  // A surname two people share ("Jair Bolsonaro", then "Eduardo Bolsonaro"; three Kims) stays with each of them:
  // whom it means is the reader's choice (resolveMention: the one named last before it in its paragraph, else the one
  // introduced first, as the press writes the other's given name). Other shared aliases name nobody.
  for (const member of cast)
    member.aliases = member.aliases.filter(
      (alias) =>
        alias === member.name ||
        (!registryAliases.has(alias) &&
          ((owners.get(alias)?.size ?? 0) <= 1 ||
            (member.kind === 'person' && /^\p{Lu}[\p{L}’'-]+$/u.test(alias)))),
    );
  return cast;
};

/** Cast members the registry does not know, as registry entries for this article only (candidates). */
export const castAsActors = (cast: CastMember[]): RegistryActor[] =>
  cast
    .filter((member) => member.actorId === null)
    .map((member) => ({
      id: member.id,
      name: member.name,
      kind: member.kind,
      aliases: member.aliases,
      roles: member.title
        ? [{ title: member.title, organisation: member.organisation ?? '', from: null, to: null }]
        : [],
    }));
