import request from 'supertest';
import { migrate } from '../../src/infrastructure/database/migrator';
import { PgSqlClient } from '../../src/infrastructure/database/pg-sql-client';
import { freshSchemaName, skipReason, TEST_DATABASE_URL } from '../support/databases';
import { eventually } from '../support/eventually';
import { aPosition, uniqueId } from '../support/fixtures';
import { type Instance, killAll, type ProjectionHealth, startInstance } from '../support/app-process';
import { ADMIN_KEY, bearer } from '../support/test-app';

const health = async (instance: Instance): Promise<ProjectionHealth[]> =>
  (await request(instance.url).get('/health').expect(200)).body.projections;

const describeWithServer = TEST_DATABASE_URL ? describe : describe.skip;
if (!TEST_DATABASE_URL) skipReason('Two-instance', 'TEST_DATABASE_URL');

describeWithServer('two app processes sharing one PostgreSQL store', () => {
  const schema = freshSchemaName();
  const sql = new PgSqlClient(TEST_DATABASE_URL as string, schema, 2);
  const instances: Instance[] = [];

  beforeAll(async () => {
    await migrate(sql, schema);
    const base = 41_000 + Math.floor(Math.random() * 10_000);
    instances.push(startInstance(schema, base), startInstance(schema, base + 1));
    for (const instance of instances) await eventually(() => health(instance), 90_000, 250);
  });

  afterAll(async () => {
    await killAll(instances);
    await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.close();
  });

  it('projects in one process at a time, and the other takes over after a SIGKILL without gaps or doubles', async () => {
    const [first, second] = instances;
    // Leadership is per projection: two processes booting together may split them; each runs in exactly one.
    const leader = await eventually(async () => {
      const [a, b] = [await health(first), await health(second)];
      for (const projection of a) {
        const other = b.find((candidate) => candidate.name === projection.name) as ProjectionHealth;
        expect([projection.running, other.running].filter(Boolean)).toHaveLength(1);
        expect((projection.running ? other : projection).standby).toBe(true);
      }
      return a.filter((projection) => projection.running).length >=
        b.filter((projection) => projection.running).length
        ? first
        : second;
    }, 30_000);
    const survivor = leader === first ? second : first;

    const actorId = uniqueId('actor');
    const topicId = `scale.${uniqueId('topic')}`;
    await request(survivor.url)
      .post('/v1/actors')
      .set(bearer(ADMIN_KEY))
      .send({ id: actorId, name: 'Scaling Actor', kind: 'person' })
      .expect(201);
    await request(leader.url)
      .post('/v1/topics')
      .set(bearer(ADMIN_KEY))
      .send({ id: topicId, title: 'Scale', proposition: 'It scales' })
      .expect(201);

    let written = 0;
    const write = async (instance: Instance, index: number) => {
      await request(instance.url)
        .post(`/v1/actors/${actorId}/positions`)
        .set(bearer(ADMIN_KEY))
        .send(aPosition(topicId, { statedAt: `2025-02-${String((index % 27) + 1).padStart(2, '0')}` }))
        .expect(201);
      written += 1;
    };
    for (let index = 0; index < 60; index++)
      await Promise.all([write(leader, index * 2), write(survivor, index * 2 + 1)]);
    leader.process.kill('SIGKILL');
    for (let index = 120; index < 240; index++) await write(survivor, index);
    expect(written).toBe(240);

    const after = await eventually(
      async () => {
        const projections = await health(survivor);
        expect(projections.every((projection) => projection.running && projection.lag === 0)).toBe(true);
        return projections;
      },
      60_000,
      250,
    );
    expect(after).toHaveLength(4);

    const [{ total }] = await sql.query<{ total: string }>('SELECT count(*)::text AS total FROM events');
    const checkpoints = await sql.query<{ projection_name: string; events_processed: string }>(
      'SELECT projection_name, events_processed::text FROM projection_checkpoints ORDER BY projection_name',
    );
    expect(checkpoints.map((row) => [row.projection_name, row.events_processed])).toEqual(
      ['catalogue', 'review-queue', 'stance-timeline', 'webhooks'].map((name) => [name, total]),
    );
    const [{ versions, positions }] = await sql.query<{ versions: string; positions: string }>(
      'SELECT count(*)::text AS versions, count(DISTINCT position_id)::text AS positions FROM stance_timeline WHERE actor_id = $1',
      [actorId],
    );
    expect([versions, positions]).toEqual(['240', '240']);
    // Each version from its own event: no event applied twice, none skipped, across the takeover.
    const [{ revisions }] = await sql.query<{ revisions: string }>(
      'SELECT count(DISTINCT revision)::text AS revisions FROM stance_timeline WHERE actor_id = $1',
      [actorId],
    );
    expect(revisions).toBe('240');
  });
});
