import { buildActorDirectory, findMentions } from './actor-mentions';
import type { RegistryActor } from './extraction.types';
import { organisationForms, roleHeads } from './role-phrases';

const person = (
  id: string,
  name: string,
  aliases: string[],
  roles: RegistryActor['roles'],
): RegistryActor => ({
  id,
  name,
  kind: 'person',
  aliases,
  roles,
});

const registry: RegistryActor[] = [
  person(
    'olaf-scholz',
    'Olaf Scholz',
    ['Scholz', 'Mr Scholz'],
    [{ title: 'Chancellor of Germany', organisation: 'Germany', from: '2021-12-08', to: '2025-05-06' }],
  ),
  person(
    'friedrich-merz',
    'Friedrich Merz',
    ['Merz', 'Mr Merz'],
    [{ title: 'Chancellor of Germany', organisation: 'Germany', from: '2025-05-06', to: null }],
  ),
  person(
    'andrii-sybiha',
    'Andrii Sybiha',
    ['Sybiha'],
    [{ title: 'Minister of Foreign Affairs', organisation: 'Ukraine', from: '2024-09-05', to: null }],
  ),
  person(
    'dmitry-peskov',
    'Dmitry Peskov',
    ['Peskov'],
    [{ title: 'Spokesman', organisation: 'Kremlin', from: '2012-05-22', to: null }],
  ),
];

const resolved = (text: string, day: string) =>
  findMentions(text, buildActorDirectory(registry, day)).map((mention) => [
    text.slice(mention.start, mention.end),
    mention.kind,
    mention.actorIds[0] ?? null,
  ]);

describe('role phrases', () => {
  it('derives the head nouns the press uses from a role title', () => {
    expect(roleHeads('Minister of Foreign Affairs')).toContain('foreign minister');
    expect(roleHeads('Secretary of State for Defence')).toContain('defence secretary');
    expect(roleHeads('Secretary of State')).toContain('secretary of state');
    expect(roleHeads('Prime Minister of the United Kingdom')).toContain('prime minister');
    expect(roleHeads('Secretary General of NATO')).toEqual(
      expect.arrayContaining(['secretary general', 'secretary-general']),
    );
    expect(organisationForms('President of the United States', 'United States').adjectives).toEqual(
      expect.arrayContaining(['us', 'american']),
    );
  });

  it('calls a commissioner with a portfolio "the trade commissioner" and "the commissioner"', () => {
    expect(roleHeads('European Commissioner for Trade')).toEqual(
      expect.arrayContaining(['european commissioner', 'trade commissioner', 'commissioner']),
    );
  });

  it('names the holder on the day: the chancellor is Scholz before 6 May 2025 and Merz from that day', () => {
    expect(resolved('The German chancellor spoke.', '2025-05-05')).toEqual([
      ['The German chancellor', 'role', 'olaf-scholz'],
    ]);
    expect(resolved('The German chancellor spoke.', '2025-05-06')[0][2]).toBe('friedrich-merz');
    expect(resolved('Germany’s chancellor spoke.', '2025-07-01')[0][2]).toBe('friedrich-merz');
  });

  it('reads "Ukraine’s foreign minister", "the Kremlin spokesman", and a title before a name as one mention', () => {
    expect(resolved('Ukraine’s foreign minister spoke to the Kremlin spokesman.', '2025-03-01')).toEqual([
      ['Ukraine’s foreign minister', 'role', 'andrii-sybiha'],
      ['the Kremlin spokesman', 'role', 'dmitry-peskov'],
    ]);
    expect(
      resolved('Ukrainian Foreign Minister Andrii Sybiha, the foreign minister, said', '2025-03-01'),
    ).toEqual([['Ukrainian Foreign Minister Andrii Sybiha', 'name', 'andrii-sybiha']]);
    expect(resolved('The former German chancellor spoke.', '2025-07-01')).toEqual([]);
  });

  it('builds phrases for titles and organisations named like Object.prototype members ("constructor", "toString")', () => {
    const odd = [
      person(
        'c-one',
        'Cara One',
        [],
        [{ title: 'constructor', organisation: 'toString', from: null, to: null }],
      ),
      person(
        'c-two',
        'Cal Two',
        [],
        [{ title: '__proto__', organisation: 'hasOwnProperty', from: null, to: null }],
      ),
      person(
        'c-three',
        'Cy Three',
        [],
        [{ title: 'valueOf of constructor', organisation: 'constructor', from: null, to: null }],
      ),
    ];
    const directory = buildActorDirectory(odd, '1990-01-01');
    expect(findMentions('The constructor said so.', directory).map((m) => m.actorIds)).toEqual([['c-one']]);
  });
});
