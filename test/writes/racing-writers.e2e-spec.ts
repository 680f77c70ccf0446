import { actorStreamName } from '@domain/positions';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

describe.each(engines())('racing writes on one actor (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app.close());

  it('stores every write of 8 concurrent writers once, each answered 201 (conflicts retried on fresh state)', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 2);
    const writers = 8;
    const each = 5;
    const answers = await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const statuses: { status: number; positionId: string; body: unknown }[] = [];
        for (let n = 0; n < each; n++) {
          const response = await app
            .http()
            .post(`/v1/actors/${actorId}/positions`)
            .set(bearer(EDITOR_KEY))
            .send(aPosition(topicIds[(writer + n) % 2], { summary: `writer ${writer}, write ${n}` }));
          statuses.push({
            status: response.status,
            positionId: response.body.positionId,
            body: response.body,
          });
        }
        return statuses;
      }),
    );
    const all = answers.flat();
    expect(all.filter((answer) => answer.status !== 201)).toEqual([]);
    const stated = (await app.store.readStream(actorStreamName(actorId))).filter(
      (event) => event.type === 'PositionStated',
    );
    const storedIds = stated.map((event) => (event.data as { positionId: string }).positionId);
    expect(storedIds).toHaveLength(writers * each);
    expect(new Set(storedIds)).toEqual(new Set(all.map((answer) => answer.positionId)));
    const summaries = stated.map((event) => (event.data as { summary: string }).summary);
    expect(new Set(summaries).size).toBe(writers * each);
  });
});
