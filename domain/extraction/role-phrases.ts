import type { RegistryActor } from './extraction.types';
import { placeNamed } from './places';

/** A table entry of its own: an organisation called "constructor" must not find Object.prototype's. */
const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** How the press names a country or organisation: adjectives ("US", "British") and nouns ("America"). */
type OrganisationForms = { adjectives: string[]; nouns: string[] };

const COUNTRIES: Record<string, OrganisationForms> = {
  'united states': {
    adjectives: ['us', 'u.s.', 'american', 'united states'],
    nouns: ['america', 'the us', 'the u.s.', 'the united states', 'washington'],
  },
  'united kingdom': {
    adjectives: ['uk', 'u.k.', 'british'],
    nouns: ['britain', 'the uk', 'the united kingdom', 'great britain'],
  },
  ukraine: { adjectives: ['ukrainian'], nouns: ['ukraine', 'kyiv', 'kiev'] },
  russia: { adjectives: ['russian'], nouns: ['russia', 'moscow'] },
  france: { adjectives: ['french'], nouns: ['france', 'paris'] },
  germany: { adjectives: ['german'], nouns: ['germany', 'berlin'] },
  italy: { adjectives: ['italian'], nouns: ['italy', 'rome'] },
  poland: { adjectives: ['polish'], nouns: ['poland', 'warsaw'] },
  finland: { adjectives: ['finnish'], nouns: ['finland', 'helsinki'] },
  netherlands: { adjectives: ['dutch'], nouns: ['the netherlands', 'holland'] },
  turkey: { adjectives: ['turkish'], nouns: ['turkey', 'türkiye', 'ankara'] },
  hungary: { adjectives: ['hungarian'], nouns: ['hungary', 'budapest'] },
  canada: { adjectives: ['canadian'], nouns: ['canada', 'ottawa'] },
  'european union': {
    adjectives: ['eu', 'european union', 'european'],
    nouns: ['the eu', 'the european union'],
  },
  nato: { adjectives: ['nato'], nouns: ['nato', 'the alliance'] },
};

/** Organisation names as the registry spells them, mapped to the country or body whose forms they take. */
const ORGANISATION_COUNTRY: Record<string, string> = {
  'uk government': 'united kingdom',
  'hm government': 'united kingdom',
  'house of commons': 'united kingdom',
  'russian federation': 'russia',
  kremlin: 'russia',
  'russian ministry of foreign affairs': 'russia',
  'russian security council': 'russia',
  'russian direct investment fund': 'russia',
  'french republic': 'france',
  'federal republic of germany': 'germany',
  'german government': 'germany',
  'italian republic': 'italy',
  'white house': 'united states',
  'united states government': 'united states',
  'us government': 'united states',
  'department of state': 'united states',
  'office of the president of ukraine': 'ukraine',
  'cabinet of ministers of ukraine': 'ukraine',
  'armed forces of ukraine': 'ukraine',
  'european commission': 'european union',
  'european council': 'european union',
  'north atlantic treaty organization': 'nato',
};

/** Extra adjectives an organisation adds to its country's ("the Kremlin spokesman", "the Commission president"). */
const ORGANISATION_OWN_FORMS: Record<string, OrganisationForms> = {
  kremlin: { adjectives: ['kremlin'], nouns: ['the kremlin'] },
  'russian ministry of foreign affairs': {
    adjectives: ['russian foreign ministry', 'foreign ministry'],
    nouns: ['the russian foreign ministry', 'the foreign ministry'],
  },
  'white house': { adjectives: ['white house'], nouns: ['the white house'] },
  'european commission': {
    adjectives: ['european commission', 'commission'],
    nouns: ['the european commission', 'the commission'],
  },
  'european council': { adjectives: ['european council'], nouns: ['the european council'] },
  'labour party': { adjectives: ['labour'], nouns: ['labour', 'the labour party'] },
  'conservative party': {
    adjectives: ['conservative', 'tory'],
    nouns: ['the conservatives', 'the tories', 'the conservative party'],
  },
  'reform uk': { adjectives: ['reform uk', 'reform'], nouns: ['reform uk', 'reform'] },
  'liberal democrats': {
    adjectives: ['liberal democrat', 'lib dem'],
    nouns: ['the liberal democrats', 'the lib dems'],
  },
  'christian democratic union': { adjectives: ['cdu'], nouns: ['the cdu'] },
  'russian direct investment fund': { adjectives: ['rdif'], nouns: ['the rdif'] },
  'house of commons': { adjectives: [], nouns: [] },
};

/** Press synonyms of a role's head noun. */
const HEAD_SYNONYMS: Record<string, string[]> = {
  'foreign minister': ['foreign minister', 'top diplomat', 'foreign affairs minister'],
  'foreign secretary': ['foreign secretary'],
  'defence minister': ['defence minister', 'defense minister'],
  'defence secretary': ['defence secretary', 'defense secretary'],
  'secretary of defense': [
    'defense secretary',
    'defence secretary',
    'secretary of defense',
    'pentagon chief',
  ],
  'secretary of war': ['war secretary', 'secretary of war', 'defense secretary', 'pentagon chief'],
  spokesman: ['spokesman', 'spokesperson', 'spokeswoman', 'press secretary'],
  spokeswoman: ['spokeswoman', 'spokesperson', 'spokesman'],
  'press secretary': ['press secretary', 'spokeswoman', 'spokesman', 'spokesperson'],
  'secretary general': ['secretary general', 'secretary-general'],
  'vice president': ['vice president', 'vice-president'],
  'prime minister': ['prime minister', 'premier', 'pm', 'leader'],
  president: ['president', 'leader'],
  chancellor: ['chancellor', 'leader'],
  'commander-in-chief': ['commander-in-chief', 'commander in chief'],
  'special envoy': ['special envoy', 'envoy', 'peace envoy'],
  'national security advisor': ['national security adviser', 'national security advisor'],
  'head of the presidential office': [
    'chief of staff',
    'head of the presidential office',
    'presidential chief of staff',
  ],
  'high representative': ['foreign policy chief', 'top diplomat', 'high representative'],
  'chancellor of the exchequer': ['chancellor of the exchequer', 'chancellor'],
  'foreign policy aide': ['foreign policy aide', 'aide', 'foreign policy adviser'],
  'ambassador to the united states': ['ambassador to the us', 'ambassador to washington', 'ambassador'],
  'ambassador to the united nations': ['ambassador to the un', 'un ambassador', 'ambassador'],
};

const DEPARTMENT_NOUN: [RegExp, string][] = [
  [/foreign|external affairs/, 'foreign'],
  [/defen[cs]e|armed forces/, 'defence'],
  [/justice/, 'justice'],
  [/home/, 'home'],
  [/economy/, 'economy'],
  [/finance|treasury/, 'finance'],
  [/energy/, 'energy'],
];

/** The head nouns a role title is called by ("Minister of Foreign Affairs" -> "foreign minister"). */
export const roleHeads = (title: string): string[] => {
  const lower = title.toLowerCase().trim();
  const heads = new Set<string>();
  const ministry = /^(minister|secretary of state|secretary)\s+(?:of|for)\s+(.+)$/.exec(lower);
  // "European Commissioner for Trade": "the trade commissioner", and "the commissioner" of the story.
  const portfolio = /^(?:european\s+)?commissioner\s+for\s+([\w-]+)/.exec(lower);
  if (/^secretary of (?:state|the)\b/.test(lower) && !/^secretary of state for/.test(lower)) {
    heads.add(lower.replace(/\s+of the united states$/, ''));
  } else if (ministry) {
    const department = DEPARTMENT_NOUN.find(([pattern]) => pattern.test(ministry[2]));
    const noun = department ? department[1] : ministry[2].split(/[\s,]+/)[0];
    const role = ministry[1] === 'minister' ? 'minister' : 'secretary';
    heads.add(`${noun} ${role}`);
    if (noun === 'defence' && ministry[2].includes('defense')) heads.add('secretary of defense');
  } else if (portfolio) {
    heads.add(lower.replace(/\s+for\s+.*$/, ''));
    heads.add(`${portfolio[1]} commissioner`);
    heads.add('commissioner');
  } else if (
    /^(head of the presidential office|chancellor of the exchequer|commander-in-chief)/.test(lower)
  ) {
    heads.add(
      /^(head of the presidential office|chancellor of the exchequer|commander-in-chief)/.exec(lower)![1],
    );
  } else if (/^ambassador to the /.test(lower)) {
    heads.add(lower.replace(/^ambassador to the (united states|united nations).*$/, 'ambassador to the $1'));
  } else if (/^(?:[\w-]+\s+)*(?:spokesman|spokeswoman|spokesperson)\b/.test(lower)) {
    heads.add(/(spokesman|spokeswoman|spokesperson)/.exec(lower)![1]);
  } else if (/^high representative/.test(lower)) {
    heads.add('high representative');
  } else {
    heads.add(lower.replace(/\s+(?:of|to|for|in)\s+.*$/, '').replace(/^(?:us|uk|eu)\s+/, ''));
  }
  if (/^secretary of (?:defense|war)$/.test(lower)) heads.add(lower);
  if (/^leader of/.test(lower)) heads.add('leader');
  if (/envoy/.test(lower)) heads.add('special envoy');
  if (/aide|adviser|advisor/.test(lower) && /foreign policy/.test(lower)) heads.add('foreign policy aide');
  return [...heads].flatMap((head) => own(HEAD_SYNONYMS, head) ?? [head]);
};

/** The adjectives and nouns that name a role's organisation, from its title ("of Ukraine") and organisation. */
export const organisationForms = (title: string, organisation: string): OrganisationForms => {
  const adjectives = new Set<string>();
  const nouns = new Set<string>();
  const add = (forms: OrganisationForms | undefined) => {
    forms?.adjectives.forEach((form) => adjectives.add(form));
    forms?.nouns.forEach((form) => nouns.add(form));
  };
  const org = organisation.toLowerCase().trim();
  add(own(ORGANISATION_OWN_FORMS, org));
  const country = own(ORGANISATION_COUNTRY, org) ?? (own(COUNTRIES, org) ? org : undefined);
  add(country ? own(COUNTRIES, country) : undefined);
  const ofPlace = /\b(?:of|to)\s+(?:the\s+)?([\w\s]+)$/.exec(title.toLowerCase());
  if (ofPlace) add(own(COUNTRIES, ofPlace[1]));
  const place = country ? undefined : placeNamed(org);
  if (place) {
    adjectives.add(place.demonym.toLowerCase());
    adjectives.add(place.name.toLowerCase());
    nouns.add(place.name.toLowerCase());
    nouns.add(`the ${place.name.toLowerCase()}`);
  } else if (!country && !own(ORGANISATION_OWN_FORMS, org)) {
    adjectives.add(org);
    nouns.add(org);
    nouns.add(`the ${org}`);
  }
  return { adjectives: [...adjectives], nouns: [...nouns] };
};

export type RolePhrase = { phrase: string; actorId: string; specific: boolean };

const holdsOn = (role: RegistryActor['roles'][number], day: string): boolean =>
  (role.from === null || role.from <= day) && (role.to === null || day <= role.to);

/**
 * The phrases that name the holder of each role held on `day`: "the US president", "Ukraine's president",
 * "the president of France" (specific), and "the president" (generic: whoever the article is about).
 */
/** Newsroom shorthand for a title: "the VP", "the PM", "the SecState" stand for the holder as "the vice president" does. */
const TITLE_ABBREVIATIONS: Record<string, string[]> = {
  'vice president': ['vp', 'veep'],
  'vice-president': ['vp', 'veep'],
  'prime minister': ['pm'],
  'secretary of state': ['secstate', 'sec state'],
  'secretary of defense': ['secdef'],
  'secretary-general': ['sg', 'secgen'],
  'secretary general': ['sg', 'secgen'],
  'foreign minister': ['fm'],
};
/** Shorthand one country's press has for one of its own offices: India's External Affairs Minister is "the EAM". */
const NATIONAL_ABBREVIATIONS: { head: string; organisation: RegExp; short: string }[] = [
  { head: 'foreign minister', organisation: /\bIndia\b/, short: 'eam' },
];

export const rolePhrases = (actors: RegistryActor[], day: string): RolePhrase[] => {
  const phrases: RolePhrase[] = [];
  for (const actor of actors) {
    for (const role of actor.roles.filter((held) => holdsOn(held, day))) {
      const { adjectives, nouns } = organisationForms(role.title, role.organisation);
      for (const head of roleHeads(role.title)) {
        if (head !== 'leader' && head !== 'aide')
          phrases.push({ phrase: `the ${head}`, actorId: actor.id, specific: false });
        for (const short of own(TITLE_ABBREVIATIONS, head) ?? [])
          phrases.push({ phrase: `the ${short}`, actorId: actor.id, specific: false });
        for (const national of NATIONAL_ABBREVIATIONS)
          if (national.head === head && national.organisation.test(`${role.title} ${role.organisation}`))
            phrases.push({ phrase: `the ${national.short}`, actorId: actor.id, specific: true });
        for (const adjective of adjectives) {
          phrases.push({ phrase: `the ${adjective} ${head}`, actorId: actor.id, specific: true });
          phrases.push({ phrase: `${adjective} ${head}`, actorId: actor.id, specific: true });
        }
        for (const noun of nouns) {
          phrases.push({ phrase: `${noun}'s ${head}`, actorId: actor.id, specific: true });
          phrases.push({ phrase: `${noun}’s ${head}`, actorId: actor.id, specific: true });
          phrases.push({
            phrase: `the ${head} of ${noun.replace(/^the /, 'the ')}`,
            actorId: actor.id,
            specific: true,
          });
        }
      }
    }
  }
  return phrases;
};

/** On a handover day both holders' roles hold: the one who took office latest wins. */
export const roleStartOn = (actor: RegistryActor, day: string): string =>
  actor.roles
    .filter((role) => holdsOn(role, day))
    .map((role) => role.from ?? '')
    .sort()
    .at(-1) ?? '';
