import { actorStreamName } from '@domain/positions';
import { eventually } from '../support/eventually';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import {
  ADMIN_KEY,
  bearer,
  EDITOR_KEY,
  engines,
  READER_KEY,
  startTestApp,
  type TestApp,
} from '../support/test-app';

describe.each(engines())('recording positions over HTTP (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app.close());

  const record = (actorId: string, body: object, headers: Record<string, string> = bearer(EDITOR_KEY)) =>
    app.http().post(`/v1/actors/${actorId}/positions`).set(headers).send(body);

  it('records a position and answers with its id, revision and record time; the stance then reads back', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const before = Date.now();
    const response = await record(actorId, aPosition(topicIds[0])).expect(201);
    expect(response.body).toEqual({
      positionId: expect.any(String),
      revision: expect.stringMatching(/^\d+$/),
      recordedAt: expect.any(String),
    });
    expect(Date.parse(response.body.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
    const stance = await eventually(() =>
      app
        .http()
        .get(`/v1/actors/${actorId}/stances/${topicIds[0]}`)
        .expect(200)
        .then((res) => res.body),
    );
    expect(stance).toMatchObject({
      actorId,
      topicId: topicIds[0],
      positionId: response.body.positionId,
      stance: 'support',
      score: 1,
      quote: 'We back it fully.',
      statedAt: '2025-02-26T00:00:00.000Z',
      statedAtPrecision: 'day',
      sources: [expect.objectContaining({ outlet: 'BBC News', publishedOn: '2025-02-26' })],
    });
  });

  it('lets an admin backfill a past position, known since a given time, keeping the real append time', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const knownSince = '2025-02-26T18:00:00.000Z';
    const response = await record(actorId, aPosition(topicIds[0], { knownSince }), bearer(ADMIN_KEY)).expect(
      201,
    );
    expect(response.body.recordedAt).toBe(knownSince);
    await app.projections.caughtUp();
    const read = (knownAt: string) =>
      app.http().get(`/v1/actors/${actorId}/stances/${topicIds[0]}`).query({ at: '2025-02-27', knownAt });
    await read('2025-02-26T17:59:59Z').expect(404);
    expect((await read('2025-02-26T18:00:00Z').expect(200)).body.recordedAt).toBe(knownSince);
    const [stated] = (await app.store.readStream(actorStreamName(actorId))).filter(
      (event) => event.type === 'PositionStated',
    );
    expect(stated.recordedAt).toBe(knownSince);
    expect(Date.parse(stated.metadata.appendedAt as string)).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it('refuses a backfill from an editor (403), in the future, or before the statement (422), naming knownSince', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const editor = await record(
      actorId,
      aPosition(topicIds[0], { knownSince: '2025-02-27T00:00:00Z' }),
    ).expect(403);
    expect(editor.body.error).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { field: 'knownSince' } });
    const future = await record(
      actorId,
      aPosition(topicIds[0], { knownSince: '2999-01-01T00:00:00Z' }),
      bearer(ADMIN_KEY),
    ).expect(422);
    expect(future.body.error).toMatchObject({
      code: 'POSITION.KNOWN_SINCE_IN_FUTURE',
      details: { field: 'knownSince' },
    });
    const early = await record(
      actorId,
      aPosition(topicIds[0], { knownSince: '2025-02-25T00:00:00Z' }),
      bearer(ADMIN_KEY),
    ).expect(422);
    expect(early.body.error.code).toBe('POSITION.STATED_AFTER_RECORDED');
    expect(
      (await app.store.readStream(actorStreamName(actorId))).filter(
        (event) => event.type === 'PositionStated',
      ),
    ).toEqual([]);
  });

  it('names the field and the rule of every invalid input, with a 400', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const response = await record(actorId, {
      ...aPosition(topicIds[0]),
      stance: 'maybe',
      statedAt: 'last tuesday',
      sources: [{ text: 'no outlet' }],
      surprise: true,
    }).expect(400);
    expect(response.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    const violations = response.body.error.details.map(
      ({ field, rule }: { field: string; rule: string }) => `${field}:${rule}`,
    );
    expect(violations).toEqual(
      expect.arrayContaining([
        'stance:isIn',
        'statedAt:isTimestamp',
        'sources[0].outlet:required',
        'surprise:whitelistValidation',
      ]),
    );
  });

  it('refuses malformed JSON with a 400 in the same error shape', async () => {
    const { actorId } = await givenActorAndTopics(app);
    const response = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set({ ...bearer(EDITOR_KEY), 'Content-Type': 'application/json' })
      .send('{"topicId": ')
      .expect(400);
    expect(response.body.error).toMatchObject({ code: 'REQUEST.MALFORMED_JSON', details: { field: 'body' } });
  });

  it.each([
    ['an unknown topic', { topicId: 'test.never-registered' }, 'TOPIC.UNKNOWN', 'topicId'],
    [
      'a statement dated after it is recorded',
      { statedAt: '2999-01-01' },
      'POSITION.STATED_AFTER_RECORDED',
      'statedAt',
    ],
    ['a direct quote without its quotation', { quote: null }, 'POSITION.QUOTE_REQUIRED', 'quote'],
    [
      'a conditional stance without conditions',
      { stance: 'conditional-support' },
      'POSITION.CONDITIONS_REQUIRED',
      'conditions',
    ],
  ])('refuses %s with a 422 naming the rule, and writes nothing', async (_, overrides, code, field) => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const before = await app.store.readStream(actorStreamName(actorId));
    const response = await record(actorId, aPosition(topicIds[0], overrides)).expect(422);
    expect(response.body.error).toMatchObject({ code, details: expect.objectContaining({ field }) });
    expect(await app.store.readStream(actorStreamName(actorId))).toHaveLength(before.length);
  });

  it('checks a correction with the rules of a recording, and refuses one that changes nothing', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const { body } = await record(actorId, aPosition(topicIds[0])).expect(201);
    const correct = (payload: object) =>
      app
        .http()
        .post(`/v1/actors/${actorId}/positions/${body.positionId}/correction`)
        .set(bearer(EDITOR_KEY))
        .send(payload);
    const invalid = await correct({ changes: { stance: 'sort-of', confidence: 2 } }).expect(400);
    expect(
      invalid.body.error.details.map(
        ({ field, rule }: { field: string; rule: string }) => `${field}:${rule}`,
      ),
    ).toEqual(expect.arrayContaining(['changes.stance:isIn', 'changes.confidence:max', 'reason:required']));
    const nothing = await correct({ changes: { stance: 'support' }, reason: 'no-op' }).expect(422);
    expect(nothing.body.error).toMatchObject({
      code: 'POSITION.CORRECTION_CHANGES_NOTHING',
      details: { field: 'changes' },
    });
    await correct({ changes: { stance: 'oppose' }, reason: 'misread' }).expect(201);
  });

  it('answers 404 for an actor nobody registered', async () => {
    const { topicIds } = await givenActorAndTopics(app);
    const response = await record('nobody-at-all', aPosition(topicIds[0])).expect(404);
    expect(response.body.error.code).toBe('ACTOR.NOT_FOUND');
  });

  it('refuses a stale If-Match revision with a 409 naming expected and actual', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const first = await record(actorId, aPosition(topicIds[0])).expect(201);
    const response = await record(actorId, aPosition(topicIds[1]), {
      ...bearer(EDITOR_KEY),
      'If-Match': '"0"',
    }).expect(409);
    expect(response.body.error).toMatchObject({
      code: 'EVENT_STORE.CONCURRENCY_CONFLICT',
      details: { expectedRevision: '0', actualRevision: first.body.revision },
    });
    await record(actorId, aPosition(topicIds[1]), {
      ...bearer(EDITOR_KEY),
      'If-Match': `"${first.body.revision}"`,
    }).expect(201);
  });

  it('honours Idempotency-Key: same body, same answer and no new event; another body, 422', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const headers = { ...bearer(EDITOR_KEY), 'Idempotency-Key': `key-${actorId}` };
    const body = aPosition(topicIds[0]);
    const first = await record(actorId, body, headers).expect(201);
    const events = (await app.store.readStream(actorStreamName(actorId))).length;
    const again = await record(actorId, body, headers).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await app.store.readStream(actorStreamName(actorId))).toHaveLength(events);
    const other = await record(actorId, { ...body, summary: 'Something else' }, headers).expect(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('needs an editor key to write: 401 without one, 403 with a reader key', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const missing = await record(actorId, aPosition(topicIds[0]), {}).expect(401);
    expect(missing.body.error.code).toBe('AUTH.KEY_REQUIRED');
    const reader = await record(actorId, aPosition(topicIds[0]), bearer(READER_KEY)).expect(403);
    expect(reader.body.error).toMatchObject({
      code: 'AUTH.FORBIDDEN',
      details: { requiredRole: 'editor', role: 'reader' },
    });
    await record(actorId, aPosition(topicIds[0]), { Authorization: 'Bearer not-a-key-at-all' }).expect(401);
    await app.http().post('/v1/admin/seeds/replay').set(bearer(EDITOR_KEY)).expect(403);
    await app.http().get('/v1/admin/projections').set(bearer(ADMIN_KEY)).expect(200);
  });

  it('adds a source, and refuses the same source twice with a 409', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    const { body } = await record(actorId, aPosition(topicIds[0])).expect(201);
    const source = {
      outlet: 'PA Media',
      articleId: 'pa-1',
      publishedOn: '2025-02-27',
      text: '“We back it fully”',
    };
    await app
      .http()
      .post(`/v1/actors/${actorId}/positions/${body.positionId}/sources`)
      .set(bearer(EDITOR_KEY))
      .send(source)
      .expect(201);
    const again = await app
      .http()
      .post(`/v1/actors/${actorId}/positions/${body.positionId}/sources`)
      .set(bearer(EDITOR_KEY))
      .send(source)
      .expect(409);
    expect(again.body.error.code).toBe('POSITION.DUPLICATE_SOURCE');
    const detail = await eventually(async () => {
      const res = await app.http().get(`/v1/actors/${actorId}/positions/${body.positionId}`).expect(200);
      expect(res.body.sources).toHaveLength(2);
      return res.body;
    });
    expect(detail.history.map((change: { change: string }) => change.change)).toEqual([
      'stated',
      'source-added',
    ]);
  });
});

describe('reads behind a key (READ_REQUIRES_KEY=true)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { READ_REQUIRES_KEY: 'true' });
  });
  afterAll(() => app.close());

  it('answers 401 without a key and 200 with a reader key', async () => {
    const response = await app.http().get('/v1/actors').expect(401);
    expect(response.body.error.code).toBe('AUTH.KEY_REQUIRED');
    await app.http().get('/v1/actors').set(bearer(READER_KEY)).expect(200);
  });
});
