import type { RegistryActor } from './extraction.types';
import { rolePhrases, roleStartOn } from './role-phrases';
import type { Span } from './text-spans';

export type Gender = 'male' | 'female';

/** A place in the text that names an actor: by name, alias, role phrase, or pronoun (resolved later). */
export type Mention = Span & {
  kind: 'name' | 'alias' | 'role' | 'pronoun';
  /** The actors it can mean, best first; empty for a pronoun. */
  actorIds: string[];
  /** A role phrase naming its organisation ("the US president") rather than only its title ("the president"). */
  specific: boolean;
  possessive: boolean;
  gender: Gender | null;
};

/** Finds phrases in a text, leftmost-longest, on word boundaries: `{ 0: phrase as printed, index }` per match. */
export type PhraseMatcher = (text: string) => { 0: string; index: number }[];

const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu;
const POSSESSIVE_END = /['’]s$/;

/**
 * Phrases to find, keyed as the matcher compares them, with the most words a phrase opening with a given word spans:
 * most words open no phrase at all, and a word that opens only short phrases needs no look at the long runs after it.
 */
type PhraseTable = { known: Set<string>; reach: Map<string, number>; longest: number };

const foldedKeys = new Map<string, string>();
const printedKeys = new Map<string, string>();
const phraseKey = (text: string, ignoreCase: boolean) => {
  const folded = ignoreCase ? text.toLowerCase() : text;
  return /\s[\s]|[\t\r]/.test(folded) ? folded.replace(/\s+/g, ' ') : folded;
};
const firstWord = (word: string) =>
  word.endsWith('.')
    ? word.slice(0, -1)
    : POSSESSIVE_END.test(word)
      ? word.replace(POSSESSIVE_END, '')
      : word;
/** Each key's first word and word count, once per key (the registry's phrases come back for every article). */
const keyShapes = new Map<string, { first: string; words: number } | null>();

/** The memos above hold the registry's phrases and every article's names: emptied when they grow past this. */
const MEMO_LIMIT = 50_000;

const phraseTable = (phrases: Iterable<string>, ignoreCase: boolean): PhraseTable => {
  const keys = ignoreCase ? foldedKeys : printedKeys;
  for (const memo of [keys, keyShapes]) if (memo.size > MEMO_LIMIT) memo.clear();
  const known = new Set<string>();
  let longest = 0;
  for (const phrase of phrases) {
    let folded = keys.get(phrase);
    if (folded === undefined) {
      folded = phraseKey(phrase, ignoreCase);
      keys.set(phrase, folded);
    }
    known.add(folded);
    longest = Math.max(longest, phrase.split(/\s+/).length);
  }
  const reach = new Map<string, number>();
  for (const phrase of known) {
    let shape = keyShapes.get(phrase);
    if (shape === undefined) {
      const words = phrase.match(WORD);
      shape = words ? { first: firstWord(words[0]), words: words.length } : null;
      keyShapes.set(phrase, shape);
    }
    if (shape) reach.set(shape.first, Math.max(reach.get(shape.first) ?? 0, shape.words));
  }
  return { known, reach, longest };
};

/**
 * A matcher over many phrases by word lookup (a regular expression of thousands of alternatives costs seconds
 * per article): at each word, the longest run of words that is one of the phrases of any of the tables wins, and the
 * scan moves past it.
 */
const phraseMatcher = (tables: PhraseTable[], ignoreCase: boolean): PhraseMatcher => {
  const longest = Math.max(0, ...tables.map((table) => table.longest));
  const reachOf = (word: string) => {
    let reach = 0;
    for (const table of tables) reach = Math.max(reach, table.reach.get(word) ?? 0);
    return reach;
  };
  const isKnown = (key: string) => tables.some((table) => table.known.has(key));
  return (text) => {
    const words = [...text.matchAll(WORD)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      first: firstWord(ignoreCase ? match[0].toLowerCase() : match[0]),
    }));
    const found: { 0: string; index: number }[] = [];
    for (let at = 0; at < words.length;) {
      let matched = 0;
      let printed = '';
      const span = Math.min(longest, reachOf(words[at].first));
      for (let last = Math.min(words.length, at + span) - 1; last >= at && matched === 0; last--) {
        const slice = text.slice(words[at].start, words[last].end);
        if (slice.includes('\n')) continue;
        // "Meloni's office": the name before a possessive ending, which the word holds.
        const bare = POSSESSIVE_END.test(slice) ? slice.replace(POSSESSIVE_END, '') : null;
        for (const candidate of slice.endsWith('.')
          ? [slice, slice.slice(0, -1)]
          : bare
            ? [slice, bare]
            : [slice]) {
          if (isKnown(phraseKey(candidate, ignoreCase))) {
            matched = last - at + 1;
            printed = candidate;
            break;
          }
        }
      }
      if (matched > 0) {
        found.push({ 0: printed, index: words[at].start });
        at += matched;
      } else at++;
    }
    return found;
  };
};

export type ActorDirectory = {
  day: string;
  actors: Map<string, RegistryActor>;
  genders: Map<string, Gender | null>;
  aliasPattern: PhraseMatcher;
  aliases: Map<string, string[]>;
  rolePattern: PhraseMatcher;
  roles: Map<string, { actorIds: string[]; specific: boolean }>;
  /** The phrases behind the patterns, for a directory built on this one (extendActorDirectory). */
  tables: { aliases: PhraseTable[]; roles: PhraseTable[] };
};

const fold = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

const MALE = /^(?:Mr\.?|Sir|Lord|King|Prince|Senator \w+ \w+ Jr)\s/;
const FEMALE = /^(?:Mrs\.?|Ms\.?|Miss|Dame|Lady|Baroness|Queen)\s/;

export const genderOf = (actor: RegistryActor): Gender | null => {
  if (actor.kind === 'institution') return null;
  if (actor.aliases.some((alias) => FEMALE.test(alias))) return 'female';
  if (actor.aliases.some((alias) => MALE.test(alias))) return 'male';
  return null;
};

/** The spellings an alias is printed with: "Mr Trump" / "Mr. Trump", "The PM" at a sentence's start, no accents. */
const aliasVariants = (alias: string): string[] => {
  const variants = new Set([alias, fold(alias)]);
  for (const variant of [...variants]) {
    const honorific = /^(Mr|Mrs|Ms|Dr)\.?\s+(.*)$/.exec(variant);
    if (honorific) {
      variants.add(`${honorific[1]} ${honorific[2]}`);
      variants.add(`${honorific[1]}. ${honorific[2]}`);
    }
    if (/^the\s/.test(variant)) variants.add(`The${variant.slice(3)}`);
    if (/^The\s/.test(variant)) variants.add(`the${variant.slice(3)}`);
  }
  return [...variants];
};

const variantsByAlias = new Map<string, string[]>();
const variantsOf = (alias: string): string[] => {
  let variants = variantsByAlias.get(alias);
  if (!variants) {
    variants = aliasVariants(alias);
    variantsByAlias.set(alias, variants);
  }
  return variants;
};

const phrasesByRoles = new WeakMap<RegistryActor['roles'], Map<string, ReturnType<typeof rolePhrases>>>();
/** An actor's role phrases on a day, once per roles and day (an article's copy of an actor keeps its roles). */
const rolePhrasesOf = (actor: RegistryActor, day: string): ReturnType<typeof rolePhrases> => {
  const byDay = phrasesByRoles.get(actor.roles) ?? new Map<string, ReturnType<typeof rolePhrases>>();
  phrasesByRoles.set(actor.roles, byDay);
  const key = `${day}|${actor.id}`;
  let phrases = byDay.get(key);
  if (!phrases) {
    phrases = rolePhrases([actor], day);
    byDay.set(key, phrases);
  }
  return phrases;
};

/** Each alias (in every spelling) with the actors that carry it, in the actors' order. */
const aliasesOf = (actors: RegistryActor[]): Map<string, string[]> => {
  const aliases = new Map<string, string[]>();
  for (const actor of actors) {
    for (const alias of [actor.name, ...actor.aliases].flatMap(variantsOf)) {
      const ids = aliases.get(alias) ?? [];
      if (!ids.includes(actor.id)) ids.push(actor.id);
      aliases.set(alias, ids);
    }
  }
  return aliases;
};

/** Actors by the start of the role they hold on `day`, the latest first. */
const latestRoleFirst =
  (byId: Map<string, RegistryActor>, day: string) =>
  (a: string, b: string): number =>
    roleStartOn(byId.get(b)!, day).localeCompare(roleStartOn(byId.get(a)!, day));

/** Each role phrase on `day` with the actors that hold it, those whose role began last first. */
const rolesOf = (
  actors: RegistryActor[],
  day: string,
  byId: Map<string, RegistryActor>,
): Map<string, { actorIds: string[]; specific: boolean }> => {
  const roles = new Map<string, { actorIds: string[]; specific: boolean }>();
  for (const { phrase, actorId, specific } of actors.flatMap((actor) => rolePhrasesOf(actor, day))) {
    const entry = roles.get(phrase) ?? { actorIds: [], specific };
    if (!entry.actorIds.includes(actorId)) entry.actorIds.push(actorId);
    roles.set(phrase, entry);
  }
  for (const entry of roles.values()) {
    entry.actorIds.sort(latestRoleFirst(byId, day));
  }
  return roles;
};

export const buildActorDirectory = (registry: RegistryActor[], day: string): ActorDirectory => {
  const actors = new Map(registry.map((actor) => [actor.id, actor]));
  const aliases = aliasesOf(registry);
  const roles = rolesOf(registry, day, actors);
  const aliasTable = phraseTable(aliases.keys(), false);
  const roleTable = phraseTable(roles.keys(), true);
  return {
    day,
    actors,
    genders: new Map(registry.map((actor) => [actor.id, genderOf(actor)])),
    aliasPattern: phraseMatcher([aliasTable], false),
    aliases,
    rolePattern: phraseMatcher([roleTable], true),
    roles,
    tables: { aliases: [aliasTable], roles: [roleTable] },
  };
};

/**
 * The directory buildActorDirectory would build over `base`'s registry with an article's additions: `linked`, registry
 * actors of `base` the article gives more aliases (the same actors, the same roles), and `candidates`, the people and
 * bodies it introduces, which come after the registry. Built on `base` instead of anew: only the phrases the additions
 * bring are looked at (the registry's role phrases alone are thousands).
 */
export const extendActorDirectory = (
  base: ActorDirectory,
  linked: RegistryActor[],
  candidates: RegistryActor[],
): ActorDirectory => {
  const actors = new Map(base.actors);
  for (const actor of [...linked, ...candidates]) actors.set(actor.id, actor);
  const order = new Map([...actors.keys()].map((id, at) => [id, at]));
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
  // Aliases: the additions' own, merged into the registry's lists in the actors' order.
  const added = aliasesOf([...linked, ...candidates]);
  const aliases = new Map(base.aliases);
  for (const [alias, ids] of added) {
    const held = aliases.get(alias);
    aliases.set(alias, held ? [...new Set([...held, ...ids])].sort(byOrder) : ids.sort(byOrder));
  }
  // Role phrases: the linked keep their roles; the candidates' phrases are merged in, those whose role began last
  // first, the actors' order between equals (as the stable sort of a whole build leaves them).
  const roles = new Map(base.roles);
  const day = base.day;
  const candidateRoles = rolesOf(candidates, day, actors);
  const latest = latestRoleFirst(actors, day);
  for (const [phrase, entry] of candidateRoles) {
    const held = roles.get(phrase);
    const ids = held ? [...new Set([...held.actorIds, ...entry.actorIds])] : entry.actorIds;
    roles.set(phrase, {
      actorIds: ids.sort((a, b) => latest(a, b) || byOrder(a, b)),
      specific: held ? held.specific : entry.specific,
    });
  }
  const genders = new Map(base.genders);
  for (const actor of [...linked, ...candidates]) genders.set(actor.id, genderOf(actor));
  const aliasTables = [...base.tables.aliases, phraseTable(added.keys(), false)];
  const roleTables = [...base.tables.roles, phraseTable(candidateRoles.keys(), true)];
  return {
    day,
    actors,
    genders,
    aliasPattern: phraseMatcher(aliasTables, false),
    aliases,
    rolePattern: phraseMatcher(roleTables, true),
    roles,
    tables: { aliases: aliasTables, roles: roleTables },
  };
};

/**
 * Pronouns and the descriptions the press uses as pronouns ("the peer", "the 78-year-old"); "It" before a verb of
 * saying ("It urged Washington to …") for a body.
 */
const ANAPHORA =
  /(?<![\p{L}])(?:It(?= (?:said|says|urged|added|warned|stated|announced|noted|insisted|accused|rejected|demanded|called|described)\b)|he|she|He|She|[Tt]he (?:peer|senator|minister|diplomat|politician|billionaire|tycoon|veteran \p{Ll}+|former \p{Ll}+(?: minister| secretary| president)?|\d+-year-old|\p{Lu}\p{Ll}+ (?:minister|commissioner|MEP|MP|lawmaker|senator|diplomat|envoy|politician)))(?![\p{L}’'])/gu;

const POSSESSIVE = /^['’]s?(?![\p{L}])/u;
const FORMER = /(?:former|ex-|then-|late|outgoing|previous|next|future|incoming|deputy|vice)\s*$/i;

const AGED = /(?<![\p{L}])[Tt]he\s+\d{1,3}-year-old\s+/gu;

export const findMentions = (text: string, directory: ActorDirectory): Mention[] => {
  const possessiveAt = (end: number) => POSSESSIVE.test(text.slice(end, end + 3));
  const found: Mention[] = [];
  for (const match of directory.aliasPattern(text)) {
    const ids = directory.aliases.get(match[0]) ?? [];
    const isName = ids.some((id) => fold(directory.actors.get(id)?.name ?? '') === fold(match[0]));
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      kind: isName ? 'name' : 'alias',
      actorIds: ids,
      specific: true,
      possessive: possessiveAt(match.index + match[0].length),
      gender: null,
    });
  }
  for (const match of directory.rolePattern(text)) {
    const entry = directory.roles.get(match[0].toLowerCase());
    if (!entry || FORMER.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      kind: 'role',
      actorIds: entry.actorIds,
      specific: entry.specific,
      possessive: possessiveAt(match.index + match[0].length),
      gender: null,
    });
  }
  // "The 69-year-old chancellor": an age between the article and the title leaves the title's holder.
  for (const aged of text.matchAll(AGED)) {
    const after = aged.index + aged[0].length;
    const phrase = `the ${text.slice(after, after + 80)}`;
    const [match] = directory.rolePattern(phrase);
    const entry = match?.index === 0 ? directory.roles.get(match[0].toLowerCase()) : undefined;
    if (!match || !entry) continue;
    const end = after + match[0].length - 4;
    found.push({
      start: aged.index,
      end,
      kind: 'role',
      actorIds: entry.actorIds,
      specific: entry.specific,
      possessive: possessiveAt(end),
      gender: null,
    });
  }
  for (const match of text.matchAll(ANAPHORA)) {
    const word = match[0].toLowerCase();
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      kind: 'pronoun',
      actorIds: [],
      specific: false,
      possessive: possessiveAt(match.index + match[0].length),
      gender: word === 'he' ? 'male' : word === 'she' ? 'female' : null,
    });
  }
  // Leftmost-longest: "the Kremlin spokesman" is one role phrase, not the Kremlin followed by a word.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = [];
  for (const mention of found) {
    if (mentions.some((kept) => kept.start < mention.end && mention.start < kept.end)) continue;
    mentions.push(mention);
  }
  // A role phrase in apposition after a name is that person's title: "Rustem Umerov, the secretary of…".
  const appositive = (mention: Mention, index: number) => {
    const before = mentions[index - 1];
    return (
      mention.kind === 'role' &&
      before !== undefined &&
      (before.kind === 'name' || before.kind === 'alias') &&
      /^,\s*$/.test(text.slice(before.end, mention.start))
    );
  };
  // A role phrase or institution right before a name is that person's title: "Foreign Secretary David Lammy".
  return mentions.filter((mention, index) => {
    if (appositive(mention, index)) return false;
    const next = mentions[index + 1];
    if (!next || next.kind === 'pronoun' || next.kind === 'role' || mention.kind === 'pronoun') return true;
    if (
      mention.kind !== 'role' &&
      !mention.actorIds.every((id) => directory.actors.get(id)?.kind === 'institution')
    )
      return true;
    if (!/^,?\s+$/.test(text.slice(mention.end, next.start))) return true;
    next.start = mention.start;
    return false;
  });
};
