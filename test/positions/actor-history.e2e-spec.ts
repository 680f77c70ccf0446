import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

type Version = {
  positionId: string;
  topicId: string;
  stance: string;
  change: string;
  recordedFrom: string;
  recordedTo: string | null;
};
type HistoryPage = { actorId: string; knownAt: string; items: Version[]; next: string | null };

describe.each(engines().filter((engine) => engine !== 'kurrentdb'))(
  'GET /v1/actors/{actorId}/history (%s)',
  (engine) => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp(engine);
    });
    afterAll(() => app?.close());

    const history = async (
      actorId: string,
      query: Record<string, string | number> = {},
    ): Promise<HistoryPage> =>
      (await app.http().get(`/v1/actors/${actorId}/history`).query(query).expect(200)).body;

    const allPages = async (actorId: string, query: Record<string, string | number>) => {
      const items: Version[] = [];
      let after: string | null = null;
      do {
        const page: HistoryPage = await history(actorId, { ...query, ...(after ? { after } : {}) });
        items.push(...page.items);
        after = page.next;
      } while (after);
      return items;
    };

    it('lists every version of every position on every topic, in record order, as known at knownAt', async () => {
      const { actorId, topicIds } = await givenActorAndTopics(app, 2);
      const record = async (topicId: string, statedAt: string) =>
        (
          await app
            .http()
            .post(`/v1/actors/${actorId}/positions`)
            .set(bearer(EDITOR_KEY))
            .send(aPosition(topicId, { statedAt }))
            .expect(201)
        ).body as { positionId: string; recordedAt: string };
      const first = await record(topicIds[0], '2025-02-20');
      const second = await record(topicIds[1], '2025-02-26');
      const corrected = (
        await app
          .http()
          .post(`/v1/actors/${actorId}/positions/${first.positionId}/correction`)
          .set(bearer(EDITOR_KEY))
          .send({ changes: { stance: 'oppose' }, reason: 'misread' })
          .expect(201)
      ).body as { recordedAt: string };
      await app.projections.caughtUp();

      const now = await allPages(actorId, { limit: 1 });
      expect(now.map((version) => [version.positionId, version.change, version.stance])).toEqual([
        [first.positionId, 'stated', 'support'],
        [second.positionId, 'stated', 'support'],
        [first.positionId, 'corrected', 'oppose'],
      ]);
      expect(now[0].recordedTo).toBe(corrected.recordedAt);
      expect(now[2].recordedTo).toBeNull();

      const before = await history(actorId, { knownAt: second.recordedAt });
      expect(before.items.map((version) => [version.change, version.stance, version.recordedTo])).toEqual([
        ['stated', 'support', null],
        ['stated', 'support', null],
      ]);
      const nothingYet = await history(actorId, {
        knownAt: new Date(Date.parse(first.recordedAt) - 1).toISOString(),
      });
      expect(nothingYet.items).toEqual([]);

      const oneTopic = await history(actorId, { topic: topicIds[1] });
      expect(oneTopic.items.map((version) => version.topicId)).toEqual([topicIds[1]]);
    });

    it('refuses an unknown actor, a foreign cursor and a bad knownAt in the error shape', async () => {
      const unknown = await app.http().get('/v1/actors/nobody-at-all/history').expect(404);
      expect(unknown.body.error.code).toBe('ACTOR.NOT_FOUND');
      const { actorId } = await givenActorAndTopics(app, 1);
      const cursor = Buffer.from(JSON.stringify(['yesterday', '1'])).toString('base64url');
      const foreign = await app
        .http()
        .get(`/v1/actors/${actorId}/history`)
        .query({ after: cursor })
        .expect(400);
      expect(foreign.body.error.details).toEqual([
        expect.objectContaining({ field: 'after', rule: 'validCursor' }),
      ]);
      const badTime = await app
        .http()
        .get(`/v1/actors/${actorId}/history`)
        .query({ knownAt: 'soon' })
        .expect(400);
      expect(badTime.body.error.details).toEqual([expect.objectContaining({ field: 'knownAt' })]);
    });
  },
);
