import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { actorStreamName, type PositionStatement, stanceAsOf } from '@domain/positions';
import { RegisterActorCommand } from '../../src/actors/register-actor/register-actor.command';
import { toRole } from '../../src/actors/register-actor/to-role';
import { RecordPositionCommand } from '../../src/positions/record-position/record-position.command';
import { RegisterTopicCommand } from '../../src/topics/register-topic/register-topic.command';
import { StanceAsOfQuery } from '../../src/positions/stance-as-of/stance-as-of.query';
import { loadSeeds } from '../../src/seeding/seed-files';
import { ADMIN_KEY, bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

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

  it('knows each seed from the day its first outlet printed it: Trump on US guarantees from the BBC of 26 February', async () => {
    const at = { at: '2025-02-27T00:00:00Z' };
    const { body } = await stance('donald-trump', 'ukraine.security-guarantees.us', {
      ...at,
      knownAt: '2025-02-26T23:00:00Z',
    }).expect(200);
    expect(body).toMatchObject({ stance: 'conditional-opposition', recordedAt: '2025-02-26T00:00:00.000Z' });
    expect(body.sources.map((source: { outlet: string }) => source.outlet)).toEqual(['BBC News']);
    const before = await stance('donald-trump', 'ukraine.security-guarantees.us', {
      ...at,
      knownAt: '2025-02-25T23:00:00Z',
    }).expect(404);
    expect(before.body.error.code).toBe('STANCE.NOT_IN_FORCE');
    const later = await stance('donald-trump', 'ukraine.security-guarantees.us', {
      ...at,
      knownAt: '2025-02-28T00:00:00Z',
    }).expect(200);
    expect(later.body.sources.length).toBe(4);
  });

  it('has positions first printed on 27 February absent as known late on the 26th, present on the 28th', async () => {
    const seeds = loadSeeds().positions;
    const firstPrinted = (key: string) => {
      const seed = seeds.find((position) => position.key === key);
      return Math.min(...(seed?.sourcesKnownSince ?? []).map((day) => day.getTime()));
    };
    expect(firstPrinted('trump-ukraine-forget-about-nato')).toBe(Date.parse('2025-02-27T00:00:00Z'));
    const query = { at: '2025-02-27T12:00:00Z' };
    await stance('donald-trump', 'ukraine.nato-membership', {
      ...query,
      knownAt: '2025-02-26T23:00:00Z',
    }).expect(404);
    const { body } = await stance('donald-trump', 'ukraine.nato-membership', {
      ...query,
      knownAt: '2025-02-28T00:00:00Z',
    }).expect(200);
    expect(body).toMatchObject({ stance: 'oppose', recordedAt: '2025-02-27T00:00:00.000Z' });
  });

  it('gives no actor any stance as known before the first seed article was published', async () => {
    for (const actorId of ['keir-starmer', 'donald-trump', 'volodymyr-zelensky', 'david-lammy']) {
      const { body } = await app
        .http()
        .get(`/v1/actors/${actorId}/stances`)
        .query({ at: '2025-03-01T00:00:00Z', knownAt: '2025-02-25T23:59:59Z' })
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

  it('keeps the real append time of every backfilled seed event beside its record time', async () => {
    const events = await app.store.readStream(actorStreamName('donald-trump'));
    const positionEvents = events.filter((event) => event.type.startsWith('Position'));
    expect(positionEvents.length).toBeGreaterThan(0);
    for (const event of positionEvents) {
      expect(Date.parse(event.recordedAt)).toBeLessThan(Date.parse('2025-03-01T00:00:00Z'));
      expect(Date.parse(event.metadata.appendedAt as string)).toBeGreaterThanOrEqual(Date.parse(beforeSeeds));
    }
  });

  it('dates Zelensky at his press conference of 26 February, and rates Starmer opposed to keeping aid at 0.5% that week', async () => {
    const zelensky = await stance('volodymyr-zelensky', 'ukraine.security-guarantees.us', {
      at: '2025-02-27T00:00:00Z',
    }).expect(200);
    expect(zelensky.body).toMatchObject({ statedAt: '2025-02-26T00:00:00.000Z', statedAtPrecision: 'day' });
    await stance('volodymyr-zelensky', 'ukraine.security-guarantees.us', {
      at: '2025-02-25T12:00:00Z',
    }).expect(404);
    const aid = await stance('keir-starmer', 'aid.overseas.uk', { at: '2025-02-27T00:00:00Z' }).expect(200);
    expect(aid.body.stance).toBe('conditional-opposition');
    const trump = await stance('donald-trump', 'ukraine.security-guarantees.us', {
      at: '2025-02-27T00:00:00Z',
    }).expect(200);
    for (const condition of trump.body.conditions as { text: string }[])
      expect(condition.text).not.toMatch(/no security guarantees|not going to/i);
  });

  it('answers in SQL what the pure stanceAsOf answers, for every seed actor on each day of the week', async () => {
    const queries = app.app.get(QueryBus);
    const actorIds = [...new Set(loadSeeds().positions.map((position) => position.actorId))];
    const knownAts = [
      '2025-02-25T23:00:00Z',
      '2025-02-26T23:00:00Z',
      '2025-02-27T12:00:00Z',
      new Date().toISOString(),
    ];
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

/** The four seed positions as a store seeded before their fix holds them: recorded at first boot, all sources at once. */
const BEFORE_THE_FIX: Record<string, Partial<PositionStatement>> = {
  'zelensky-us-guarantees-needed-for-ceasefire': {
    statedAt: '2025-02-24T00:00:00.000Z',
    statedAtPrecision: 'week',
  },
  'zelensky-minerals-deal-preliminary': { statedAt: '2025-02-24T00:00:00.000Z', statedAtPrecision: 'week' },
  'trump-security-guarantees-beyond-very-much': {
    conditions: [
      {
        text: 'the US will give no security guarantees "beyond very much"; Europe should provide them',
        topicId: 'ukraine.security-guarantees.europe',
      },
    ],
  },
  'starmer-restore-aid-when-economy-allows': {
    stance: 'conditional-support',
    conditions: [{ text: 'as soon as the economic circumstances allow', topicId: null }],
  },
};

describe.each(engines().filter((engine) => engine !== 'kurrentdb'))(
  'the seeds replayed over a store seeded before (%s)',
  (engine) => {
    let app: TestApp;
    const replay = async () =>
      (
        await app
          .http()
          .post('/v1/admin/seeds/replay')
          .query({ wait: 'true' })
          .set(bearer(ADMIN_KEY))
          .expect(200)
      ).body;
    const metadata = { recordedBy: 'seeds', correlationId: 'old-replay', causationId: 'seed-replay:old' };

    beforeAll(async () => {
      app = await startTestApp(engine);
      const commands = app.app.get(CommandBus);
      const seeds = loadSeeds();
      // What the replay of an earlier release did: every topic and actor, and each position with all its sources.
      for (const topic of seeds.topics)
        await commands.execute(
          new RegisterTopicCommand(
            { topicId: topic.id, title: topic.title, proposition: topic.proposition },
            metadata,
            `seed:topic:${topic.id}`,
          ),
        );
      for (const actor of seeds.actors)
        await commands.execute(
          new RegisterActorCommand(
            {
              actorId: actor.id,
              name: actor.name,
              kind: actor.kind,
              aliases: actor.aliases ?? [],
              roles: (actor.roles ?? []).map(toRole),
            },
            metadata,
            `seed:actor:${actor.id}`,
          ),
        );
      for (const position of seeds.positions) {
        const statement = { ...position.statement, ...(BEFORE_THE_FIX[position.key] ?? {}) };
        await commands.execute(
          new RecordPositionCommand(position.actorId, statement, metadata, {
            positionId: position.positionId,
            commandId: `seed:position:${position.key}`,
          }),
        );
      }
      await app.projections.caughtUp();
    });
    afterAll(() => app.close());

    it('records the fixed seeds as corrections from now on, and never rewrites what was known before', async () => {
      const beforeReplay = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const first = await replay();
      expect(first.status).toBe('succeeded');
      expect([...first.result.corrected].sort()).toEqual(Object.keys(BEFORE_THE_FIX).sort());
      expect(first.result.keptEdits).toEqual([]);
      await app.projections.caughtUp();
      const aid = (knownAt?: string) =>
        app
          .http()
          .get('/v1/actors/keir-starmer/stances/aid.overseas.uk')
          .query({ at: '2025-02-27T00:00:00Z', ...(knownAt ? { knownAt } : {}) })
          .expect(200);
      expect((await aid(beforeReplay)).body.stance).toBe('conditional-support');
      expect((await aid()).body.stance).toBe('conditional-opposition');
      const events = await app.store.readStream(actorStreamName('volodymyr-zelensky'));
      const corrections = events.filter((event) => event.type === 'PositionCorrected');
      expect(corrections).toHaveLength(2);
      for (const correction of corrections)
        expect(Date.parse(correction.recordedAt)).toBeGreaterThanOrEqual(Date.parse(beforeReplay));
      const again = await replay();
      expect(again.result).toMatchObject({ appended: 0, corrected: [], keptEdits: [] });
    });

    it('keeps an editor’s later correction and rewording, and reports them instead of failing', async () => {
      const seeds = loadSeeds();
      const trump = seeds.positions.find((position) => position.key === 'trump-zelensky-dictator');
      await app
        .http()
        .post(`/v1/actors/donald-trump/positions/${trump?.positionId}/correction`)
        .set(bearer(EDITOR_KEY))
        .send({ changes: { confidence: 0.8 }, reason: 'Reported, not on camera' })
        .expect(201);
      await app
        .http()
        .patch('/v1/topics/ukraine.nato-membership')
        .set(bearer(EDITOR_KEY))
        .send({
          title: 'Ukraine in NATO',
          proposition: 'Ukraine should be able to join NATO.',
          reason: 'Shorter title',
        })
        .expect(200);
      const result = (await replay()).result;
      expect(result.appended).toBe(0);
      expect(result.keptEdits).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'topic', id: 'ukraine.nato-membership' }),
          expect.objectContaining({ kind: 'position', id: 'trump-zelensky-dictator' }),
        ]),
      );
      await app.projections.caughtUp();
      const { body } = await app
        .http()
        .get('/v1/actors/donald-trump/stances/ukraine.zelensky-legitimacy')
        .query({ at: '2025-02-27T00:00:00Z' })
        .expect(200);
      expect(body.confidence).toBe(0.8);
    });
  },
);
