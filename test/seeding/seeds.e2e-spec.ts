import { QueryBus } from '@nestjs/cqrs';
import { actorStreamName, stanceAsOf } from '@domain/positions';
import { StanceAsOfQuery } from '../../src/positions/stance-as-of/stance-as-of.query';
import { loadSeeds } from '../../src/seeding/seed-files';
import { ADMIN_KEY, bearer, engines, startTestApp, type TestApp } from '../support/test-app';

const allEvents = async (app: TestApp) => {
  const events = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await app.store.readAll(cursor, 1000);
    if (page.events.length === 0) return events;
    events.push(...page.events);
    cursor = page.next;
  }
};

// A KurrentDB server keeps its streams between runs; these facts need a store the seeds have never reached.
describe.each(engines().filter((engine) => engine !== 'kurrentdb'))('the seeds (%s)', (engine) => {
  let app: TestApp;
  let beforeSeeds: string;
  let firstReplay: {
    status: string;
    result: { appended: number; unchanged: number; commands: number; positions: number };
    progress: { done: number; total: number };
  };

  beforeAll(async () => {
    app = await startTestApp(engine);
    beforeSeeds = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    firstReplay = (
      await app
        .http()
        .post('/v1/admin/seeds/replay')
        .query({ wait: 'true' })
        .set(bearer(ADMIN_KEY))
        .expect(200)
    ).body;
    await app.projections.caughtUp();
  });
  afterAll(() => app.close());

  const stance = (actorId: string, topicId: string, query: Record<string, string>) =>
    app.http().get(`/v1/actors/${actorId}/stances/${topicId}`).query(query);

  it('loads every seed through the deciders, reporting progress', () => {
    const seeds = loadSeeds();
    expect(firstReplay.status).toBe('succeeded');
    expect(firstReplay.result).toMatchObject({
      commands: seeds.topics.length + seeds.actors.length + seeds.positions.length,
      unchanged: 0,
    });
    expect(firstReplay.progress).toEqual({
      done: firstReplay.result.commands,
      total: firstReplay.result.commands,
    });
    expect(seeds.positions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(seeds.positions.map((position) => position.actorId)).size).toBeGreaterThanOrEqual(8);
  });

  it('appends nothing when replayed again, and says so', async () => {
    const before = (await allEvents(app)).length;
    const again = (
      await app
        .http()
        .post('/v1/admin/seeds/replay')
        .query({ wait: 'true' })
        .set(bearer(ADMIN_KEY))
        .expect(200)
    ).body;
    expect(again.result).toMatchObject({ appended: 0, unchanged: firstReplay.result.commands });
    expect(await allEvents(app)).toHaveLength(before);
  });

  it('reports a replay as a job whose progress can be polled', async () => {
    const job = (await app.http().post('/v1/admin/seeds/replay').set(bearer(ADMIN_KEY)).expect(202)).body;
    expect(job).toMatchObject({ kind: 'seed-replay', status: 'running', id: expect.any(String) });
    let polled = job;
    while (polled.status === 'running') {
      polled = (await app.http().get(`/v1/admin/jobs/${job.id}`).set(bearer(ADMIN_KEY)).expect(200)).body;
    }
    expect(polled).toMatchObject({ status: 'succeeded', progress: { done: firstReplay.result.commands } });
  });

  it('has Trump conditionally opposing US guarantees as of 2025-02-27, "beyond very much", from three outlets or more', async () => {
    const { body } = await stance('donald-trump', 'ukraine.security-guarantees.us', {
      at: '2025-02-27T12:00:00Z',
    }).expect(200);
    expect(body).toMatchObject({
      stance: 'conditional-opposition',
      score: -0.5,
      statedAt: '2025-02-26T00:00:00.000Z',
      statedAtPrecision: 'day',
    });
    expect(body.quote).toContain('beyond very much');
    expect(
      new Set(body.sources.map((source: { outlet: string }) => source.outlet)).size,
    ).toBeGreaterThanOrEqual(3);
  });

  it('has no Trump stance on US guarantees as of 2025-02-20', async () => {
    const { body } = await stance('donald-trump', 'ukraine.security-guarantees.us', {
      at: '2025-02-20T12:00:00Z',
    }).expect(404);
    expect(body.error.code).toBe('STANCE.NOT_IN_FORCE');
  });

  it('has Starmer conditionally supporting UK peacekeeping troops, conditioned on US guarantees', async () => {
    const { body } = await stance('keir-starmer', 'ukraine.peacekeeping-troops.uk', {
      at: '2025-02-27T12:00:00Z',
    }).expect(200);
    expect(body.stance).toBe('conditional-support');
    expect(body.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ topicId: 'ukraine.security-guarantees.us' })]),
    );
  });

  it('dates earlier statements at their own time: the "dictator" remark holds by 2025-02-20', async () => {
    const { body } = await stance('donald-trump', 'ukraine.zelensky-legitimacy', {
      at: '2025-02-20T12:00:00Z',
    }).expect(200);
    expect(body).toMatchObject({ stance: 'oppose', statedAtPrecision: 'week' });
    expect(Date.parse(body.statedAt)).toBeLessThanOrEqual(Date.parse('2025-02-20T00:00:00Z'));
  });

  it('gives no actor any stance as known before the seeds were loaded', async () => {
    for (const actorId of ['keir-starmer', 'donald-trump', 'volodymyr-zelensky', 'david-lammy']) {
      const { body } = await app
        .http()
        .get(`/v1/actors/${actorId}/stances`)
        .query({ at: '2025-03-01T00:00:00Z', knownAt: beforeSeeds })
        .expect(200);
      expect(body.stances).toEqual([]);
      const now = (
        await app
          .http()
          .get(`/v1/actors/${actorId}/stances`)
          .query({ at: '2025-03-01T00:00:00Z' })
          .expect(200)
      ).body;
      expect(now.stances.length).toBeGreaterThan(0);
    }
  });

  it('answers in SQL what the pure stanceAsOf answers, for every seed actor on each day of the week', async () => {
    const queries = app.app.get(QueryBus);
    const actorIds = [...new Set(loadSeeds().positions.map((position) => position.actorId))];
    const knownAts = [beforeSeeds, new Date().toISOString()];
    for (const actorId of actorIds) {
      const events = await app.store.readStream(actorStreamName(actorId));
      for (let day = 14; day <= 28; day++) {
        for (const knownAt of knownAts) {
          const at = new Date(Date.UTC(2025, 1, day, 12));
          const asOf = { at, knownAt: new Date(knownAt) };
          expect(await queries.execute(new StanceAsOfQuery(actorId, asOf.at, asOf.knownAt))).toEqual(
            stanceAsOf(events, asOf),
          );
        }
      }
    }
  });
});
