import { openTestDatabase, type TestDatabase } from '../../../test/support/databases';
import { ExtractionKnowledgeSource } from './extraction-knowledge';

jest.setTimeout(60_000);

describe('ExtractionKnowledgeSource', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase('pglite');
  });
  afterEach(async () => {
    await database.close();
  });

  const register = (id: string, name: string, aliases: string[]) =>
    database.sql.query(
      `INSERT INTO actors (actor_id, name, kind, aliases, roles, registered_at, updated_at)
       VALUES ($1, $2, 'person', $3::jsonb, '[]', now(), now())
       ON CONFLICT (actor_id) DO UPDATE SET aliases = excluded.aliases, updated_at = now()`,
      [id, name, JSON.stringify(aliases)],
    );

  it('gives the same knowledge while the catalogue is unchanged, and new knowledge once an actor changes', async () => {
    const source = new ExtractionKnowledgeSource(database.sql);
    await register('ana-rojas', 'Ana Rojas', []);
    const first = await source.current();
    expect(first.actors.find((actor) => actor.id === 'ana-rojas')).toMatchObject({ name: 'Ana Rojas' });
    // The same object, so the extractor's directory of its actors, kept per actor list and day, is reused.
    expect(await source.current()).toBe(first);
    await register('ana-rojas', 'Ana Rojas', ['Minister Rojas']);
    const second = await source.current();
    expect(second).not.toBe(first);
    expect(second.actors.find((actor) => actor.id === 'ana-rojas')?.aliases).toEqual(['Minister Rojas']);
  });
});
