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

export type ActorDirectory = {
  day: string;
  actors: Map<string, RegistryActor>;
  genders: Map<string, Gender | null>;
  aliasPattern: RegExp | null;
  aliases: Map<string, string[]>;
  rolePattern: RegExp | null;
  roles: Map<string, { actorIds: string[]; specific: boolean }>;
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const bounded = (alternatives: string[], flags: string): RegExp | null =>
  alternatives.length === 0
    ? null
    : new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${alternatives
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|')})(?![\\p{L}\\p{N}])`,
        flags,
      );

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

export const buildActorDirectory = (registry: RegistryActor[], day: string): ActorDirectory => {
  const actors = new Map(registry.map((actor) => [actor.id, actor]));
  const aliases = new Map<string, string[]>();
  for (const actor of registry) {
    for (const alias of [actor.name, ...actor.aliases].flatMap(aliasVariants)) {
      const ids = aliases.get(alias) ?? [];
      if (!ids.includes(actor.id)) ids.push(actor.id);
      aliases.set(alias, ids);
    }
  }
  const roles = new Map<string, { actorIds: string[]; specific: boolean }>();
  for (const { phrase, actorId, specific } of rolePhrases(registry, day)) {
    const entry = roles.get(phrase) ?? { actorIds: [], specific };
    if (!entry.actorIds.includes(actorId)) entry.actorIds.push(actorId);
    roles.set(phrase, entry);
  }
  for (const entry of roles.values()) {
    entry.actorIds.sort((a, b) =>
      roleStartOn(actors.get(b)!, day).localeCompare(roleStartOn(actors.get(a)!, day)),
    );
  }
  return {
    day,
    actors,
    genders: new Map(registry.map((actor) => [actor.id, genderOf(actor)])),
    aliasPattern: bounded([...aliases.keys()], 'gu'),
    aliases,
    rolePattern: bounded([...roles.keys()], 'giu'),
    roles,
  };
};

/** Pronouns and the descriptions the press uses as pronouns ("the peer", "the 78-year-old"). */
const ANAPHORA =
  /(?<![\p{L}])(?:he|she|He|She|[Tt]he (?:peer|senator|minister|diplomat|politician|billionaire|tycoon|veteran \p{Ll}+|former \p{Ll}+(?: minister| secretary| president)?|\d+-year-old))(?![\p{L}’'])/gu;

const POSSESSIVE = /^['’]s?(?![\p{L}])/u;
const FORMER = /(?:former|ex-|then-|late|outgoing|previous|next|future|incoming|deputy|vice)\s*$/i;

export const findMentions = (text: string, directory: ActorDirectory): Mention[] => {
  const possessiveAt = (end: number) => POSSESSIVE.test(text.slice(end, end + 3));
  const found: Mention[] = [];
  for (const match of directory.aliasPattern ? text.matchAll(directory.aliasPattern) : []) {
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
  for (const match of directory.rolePattern ? text.matchAll(directory.rolePattern) : []) {
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
