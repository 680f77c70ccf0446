import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { ADMIN_KEY, bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

describe.each(engines())('admin, health and the event feed (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app.close());

  it('reports the store and each projection with its checkpoint and lag', async () => {
    await givenActorAndTopics(app, 1);
    await app.projections.caughtUp();
    const { body } = await app.http().get('/health').expect(200);
    expect(body).toMatchObject({ status: 'ok', store: { engine, ok: true } });
    expect(body.projections.map((projection: { name: string }) => projection.name).sort()).toEqual([
      'catalogue',
      'review-queue',
      'stance-timeline',
      'webhooks',
    ]);
    const admin = (await app.http().get('/v1/admin/projections').set(bearer(ADMIN_KEY)).expect(200)).body;
    expect(admin.projections[0]).toEqual(
      expect.objectContaining({
        checkpoint: expect.any(String),
        lag: 0,
        eventsProcessed: expect.any(Number),
        running: true,
      }),
    );
  });

  it('rebuilds a projection into fresh tables and answers the same afterwards', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 2);
    for (const [index, topicId] of topicIds.entries()) {
      await app
        .http()
        .post(`/v1/actors/${actorId}/positions`)
        .set(bearer(EDITOR_KEY))
        .send(aPosition(topicId, { statedAt: `2025-02-2${index}` }))
        .expect(201);
    }
    await app.projections.caughtUp();
    const before = (await app.http().get(`/v1/actors/${actorId}/stances`).expect(200)).body.stances;
    expect(before).toHaveLength(2);
    const job = (
      await app
        .http()
        .post('/v1/admin/projections/stance-timeline/rebuild')
        .query({ wait: 'true' })
        .set(bearer(ADMIN_KEY))
        .expect(200)
    ).body;
    expect(job).toMatchObject({ status: 'succeeded', kind: 'rebuild:stance-timeline' });
    expect(job.progress.done).toBeGreaterThan(0);
    expect(job.progress.done).toBe(job.progress.total);
    expect((await app.http().get(`/v1/actors/${actorId}/stances`).expect(200)).body.stances).toEqual(before);
    await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition(topicIds[0], { statedAt: '2025-02-25', stance: 'oppose', quote: 'No.' }))
      .expect(201);
    await app.projections.caughtUp();
    const after = (await app.http().get(`/v1/actors/${actorId}/stances/${topicIds[0]}`).expect(200)).body;
    expect(after.stance).toBe('oppose');
  });

  it('refuses an unknown projection with a 404 listing the known ones', async () => {
    const { body } = await app
      .http()
      .post('/v1/admin/projections/nope/rebuild')
      .set(bearer(ADMIN_KEY))
      .expect(404);
    expect(body.error).toMatchObject({
      code: 'PROJECTION.NOT_FOUND',
      details: { known: expect.arrayContaining(['stance-timeline']) },
    });
  });

  it('pages through the raw event feed with an opaque cursor, each event once', async () => {
    let end: string | null = null;
    for (
      let page = await app.store.readAll(null, 1000);
      page.events.length > 0;
      page = await app.store.readAll(end, 1000)
    )
      end = page.next;
    await givenActorAndTopics(app, 1);
    const seen: string[] = [];
    let after: string | undefined = end ?? undefined;
    for (;;) {
      const { body } = await app
        .http()
        .get('/v1/events')
        .query({ limit: 3, ...(after ? { after } : {}) })
        .expect(200);
      seen.push(...body.events.map((event: { id: string }) => event.id));
      if (body.next === null) break;
      after = body.next;
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(
      (await app.http().get('/v1/events').query({ after: 'garbage!' }).expect(400)).body.error.details[0],
    ).toMatchObject({ field: 'after' });
    expect(
      (await app.http().get('/v1/events').query({ after: '12345' }).expect(400)).body.error.details,
    ).toEqual([expect.objectContaining({ field: 'after', rule: 'validCursor' })]);
  });

  it('serves the OpenAPI document and answers unknown routes in the error shape', async () => {
    const { body } = await app.http().get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/actors/{actorId}/positions',
        '/v1/actors/{actorId}/stances/{topicId}',
        '/health',
      ]),
    );
    const missing = await app.http().get('/v1/nothing-here').expect(404);
    expect(missing.body.error).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
  });

  it('lists and shows actors and topics from the catalogue', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await app.projections.caughtUp();
    const actor = (await app.http().get(`/v1/actors/${actorId}`).expect(200)).body;
    expect(actor).toMatchObject({
      id: actorId,
      kind: 'person',
      aliases: ['The Actor'],
      roles: [expect.objectContaining({ roleId: 'minister-2024-01-01', to: null })],
    });
    await app
      .http()
      .post(`/v1/actors/${actorId}/aliases`)
      .set(bearer(EDITOR_KEY))
      .send({ alias: 'Minister X' })
      .expect(201);
    await app
      .http()
      .put(`/v1/actors/${actorId}/roles/minister-2024-01-01`)
      .set(bearer(EDITOR_KEY))
      .send({ title: 'Minister', organisation: 'Testland', from: '2024-01-01', to: '2025-06-30' })
      .expect(200);
    const bad = await app
      .http()
      .post(`/v1/actors/${actorId}/roles`)
      .set(bearer(EDITOR_KEY))
      .send({ title: 'PM', organisation: 'Testland', from: '2025-01-01', to: '2024-01-01' })
      .expect(422);
    expect(bad.body.error).toMatchObject({ code: 'ACTOR.ROLE_RANGE_INVALID', details: { field: 'to' } });
    await app.projections.caughtUp();
    const edited = (await app.http().get(`/v1/actors/${actorId}`).expect(200)).body;
    expect(edited.aliases).toEqual(['The Actor', 'Minister X']);
    expect(edited.roles[0].to).toBe('2025-06-30');
    const topic = (await app.http().get(`/v1/topics/${topicIds[0]}`).expect(200)).body;
    expect(topic).toMatchObject({ id: topicIds[0], parentId: 'test' });
    const page = (await app.http().get('/v1/topics').query({ limit: 1 }).expect(200)).body;
    expect(page.items).toHaveLength(1);
    expect(page.next).toEqual(expect.any(String));
    const duplicate = await app
      .http()
      .post('/v1/actors')
      .set(bearer(EDITOR_KEY))
      .send({ id: actorId, name: 'Someone Else', kind: 'person' })
      .expect(409);
    expect(duplicate.body.error.code).toBe('ACTOR.ALREADY_REGISTERED');
  });
});
