import { actorStreamName } from '@domain/positions';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

/**
 * The state a crash between the append and the stored answer leaves: the events of the request in the log, no
 * answer under its Idempotency-Key. It is made here by deleting the stored answer; test/writes/crash-replay
 * makes it with a real SIGKILL.
 */
describe.each(engines())('a retried write whose answer was lost (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app.close());

  const post = (path: string, body: object, key: string) =>
    app
      .http()
      .post(path)
      .set({ ...bearer(EDITOR_KEY), 'Idempotency-Key': key })
      .send(body);
  const loseAnswer = (key: string) =>
    app.sql.query('DELETE FROM idempotency_keys WHERE idempotency_key = $1', [key]);
  const eventCount = async (actorId: string) => (await app.store.readStream(actorStreamName(actorId))).length;

  it('answers a recorded position’s original 201 and body, replayed, and appends nothing', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    const key = `record-${actorId}`;
    const body = aPosition(topicIds[0]);
    const path = `/v1/actors/${actorId}/positions`;
    const first = await post(path, body, key).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Another write lands after it, so "the revision now" and "the revision it wrote" differ.
    await app.http().post(path).set(bearer(EDITOR_KEY)).send(aPosition(topicIds[0])).expect(201);
    const events = await eventCount(actorId);
    await loseAnswer(key);

    const retried = await post(path, body, key).expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(first.body);
    expect(await eventCount(actorId)).toBe(events);
    const again = await post(path, body, key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('answers a withdrawal the same way, though withdrawing twice is refused', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    const recorded = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition(topicIds[0]))
      .expect(201);
    const path = `/v1/actors/${actorId}/positions/${recorded.body.positionId}/withdrawal`;
    const body = { effectiveAt: '2025-03-10T00:00:00Z', reason: 'walked back' };
    const key = `withdraw-${actorId}`;
    const first = await post(path, body, key).expect(201);
    const events = await eventCount(actorId);
    await loseAnswer(key);

    const retried = await post(path, body, key).expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(first.body);
    expect(await eventCount(actorId)).toBe(events);
    const withoutKey = await app.http().post(path).set(bearer(EDITOR_KEY)).send(body).expect(409);
    expect(withoutKey.body.error.code).toBe('POSITION.ALREADY_WITHDRAWN');
  });

  it('refuses another request under the key of a write whose answer was lost, with a 422', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    const key = `reused-${actorId}`;
    const path = `/v1/actors/${actorId}/positions`;
    await post(path, aPosition(topicIds[0]), key).expect(201);
    const events = await eventCount(actorId);
    await loseAnswer(key);
    const other = await post(path, aPosition(topicIds[0], { summary: 'Something else' }), key).expect(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await eventCount(actorId)).toBe(events);
  });
});
