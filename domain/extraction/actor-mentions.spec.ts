import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildActorDirectory, extendActorDirectory, findMentions } from './actor-mentions';
import type { RegistryActor } from './extraction.types';

const registry: RegistryActor[] = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'seeds', 'actors.json'), 'utf8'),
);
const day = '2025-03-12';

describe('extendActorDirectory', () => {
  it('builds on the registry’s directory what a whole build over the registry and an article’s additions builds', () => {
    const [first, second] = registry;
    // Registry actors given more aliases by the article, one of them shared with a candidate.
    const linked = [
      { ...second, aliases: [...second.aliases, 'the Envoy', 'Okafor'] },
      { ...first, aliases: [...first.aliases, 'the Envoy'] },
    ];
    // Candidates holding a registry actor's role phrase, its alias, and one another's.
    const candidates: RegistryActor[] = [
      {
        id: 'jane-okafor',
        name: 'Jane Okafor',
        kind: 'person',
        aliases: ['Okafor', 'Ms Okafor'],
        roles: [{ title: 'prime minister', organisation: 'United Kingdom', from: null, to: null }],
      },
      {
        id: 'ana-rojas',
        name: 'Ana Rojas',
        kind: 'person',
        aliases: ['Rojas', 'the Envoy'],
        roles: [{ title: 'foreign minister', organisation: 'Chile', from: null, to: null }],
      },
      {
        id: 'chilean-foreign-ministry',
        name: 'Chilean foreign ministry',
        kind: 'institution',
        aliases: [],
        roles: [],
      },
    ];
    const whole = buildActorDirectory(
      [...registry.map((actor) => linked.find((other) => other.id === actor.id) ?? actor), ...candidates],
      day,
    );
    const extended = extendActorDirectory(buildActorDirectory(registry, day), linked, candidates);
    const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => a.localeCompare(b));
    expect(sorted(extended.aliases)).toEqual(sorted(whole.aliases));
    expect(sorted(extended.roles)).toEqual(sorted(whole.roles));
    expect(sorted(extended.genders)).toEqual(sorted(whole.genders));
    expect([...extended.actors.keys()]).toEqual([...whole.actors.keys()]);
    expect(extended.aliases.get('the Envoy')).toEqual([first.id, second.id, 'ana-rojas']);
    const text = [
      'The prime minister met Jane Okafor, and the Envoy spoke to Ms Okafor before the foreign minister of Chile,',
      'Ana Rojas, told the Chilean foreign ministry that the UK prime minister had called Rojas.',
    ].join(' ');
    expect(findMentions(text, extended)).toEqual(findMentions(text, whole));
    expect(findMentions(text, extended).map((mention) => text.slice(mention.start, mention.end))).toContain(
      'Jane Okafor',
    );
  });
});
