import { givenActorAndTopics } from '../support/fixtures';
import { ADMIN_KEY, bearer, EDITOR_KEY, startTestApp, type TestApp } from '../support/test-app';

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What Fastify itself answers (routing, body parsing, limits) comes out as every other answer does. */
describe('the HTTP layer (pglite)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app.close());

  const postActor = () => app.http().post('/v1/actors').set(bearer(EDITOR_KEY));

  it('answers an unknown route, and a known path with a method it lacks, with 404 in the error shape', async () => {
    for (const response of [
      await app.http().get('/v1/nothing-here').expect(404),
      await app.http().delete('/v1/actors').set(bearer(ADMIN_KEY)).expect(404),
    ]) {
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['x-request-id']).toMatch(REQUEST_ID);
      expect(response.body).toEqual({
        error: { code: 'REQUEST.NOT_FOUND', message: expect.any(String), details: {} },
      });
    }
  });

  it.each([
    ['malformed JSON', '{"id": '],
    ['JSON that is not an object or an array', '"keir-starmer"'],
    ['a __proto__ key', '{"__proto__": {"role": "admin"}}'],
  ])('refuses %s with 400 REQUEST.MALFORMED_JSON naming the body', async (_, body) => {
    const response = await postActor().set('Content-Type', 'application/json').send(body).expect(400);
    expect(response.headers['x-request-id']).toMatch(REQUEST_ID);
    expect(response.body).toEqual({
      error: { code: 'REQUEST.MALFORMED_JSON', message: expect.any(String), details: { field: 'body' } },
    });
  });

  it('takes an empty JSON body as {}, so validation names the missing fields', async () => {
    const response = await postActor().set('Content-Type', 'application/json').send('').expect(400);
    expect(response.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(response.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'id' })]),
    );
  });

  it('refuses a body over 2 MB with 413 REQUEST.TOO_LARGE naming the body', async () => {
    const body = JSON.stringify({ id: 'too-large', name: 'x'.repeat(2 * 1024 * 1024) });
    const response = await postActor().set('Content-Type', 'application/json').send(body).expect(413);
    expect(response.headers['x-request-id']).toMatch(REQUEST_ID);
    expect(response.body).toEqual({
      error: { code: 'REQUEST.TOO_LARGE', message: expect.any(String), details: { field: 'body' } },
    });
  });

  it.each([
    ['text/plain', '{"id": "keir-starmer"}'],
    ['application/x-www-form-urlencoded', 'id=keir-starmer'],
    ['application/xml', '<actor id="keir-starmer"/>'],
  ])('refuses a %s body with 415 REQUEST.UNSUPPORTED_MEDIA_TYPE naming Content-Type', async (type, body) => {
    const response = await postActor().set('Content-Type', type).send(body).expect(415);
    expect(response.headers['x-request-id']).toMatch(REQUEST_ID);
    expect(response.body).toEqual({
      error: {
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        message: expect.any(String),
        details: { header: 'Content-Type' },
      },
    });
  });

  it('still accepts a body-less POST whatever its Content-Type (curl -d "" sends a form type)', async () => {
    const response = await app
      .http()
      .post('/v1/admin/seeds/replay?wait=true')
      .set({ ...bearer(ADMIN_KEY), 'Content-Type': 'application/x-www-form-urlencoded' })
      .expect(200);
    expect(response.body).toMatchObject({ kind: 'seed-replay', status: 'succeeded' });
  });

  it('answers a path that is not percent-encoded UTF-8 with 400 in the error shape', async () => {
    const response = await app.http().get('/v1/actors/%E0%A4%A').expect(400);
    expect(response.body).toEqual({
      error: { code: 'REQUEST.INVALID', message: expect.any(String), details: { field: 'path' } },
    });
  });

  it('routes as before: a trailing slash or upper case changes nothing, and parameters keep their case', async () => {
    const { actorId } = await givenActorAndTopics(app, 0);
    await app.projections.caughtUp();
    const plain = await app.http().get(`/v1/actors/${actorId}`).expect(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await app.http().get(`/v1/actors/${actorId}/`).expect(200)).body).toEqual(plain.body);
    expect((await app.http().get(`/V1/Actors/${actorId}`).expect(200)).body).toEqual(plain.body);
    const upper = await app.http().get(`/v1/actors/${actorId.toUpperCase()}`).expect(400);
    expect(upper.body.error.details).toEqual([expect.objectContaining({ field: 'actorId' })]);
  });

  it('answers HEAD like GET without the body', async () => {
    const get = await app.http().get('/v1/topics').expect(200);
    const head = await app.http().head('/v1/topics').expect(200);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.text ?? '').toBe('');
  });

  it('reads a repeated query key as a list, as the comma-separated form', async () => {
    await app.http().post('/v1/admin/seeds/replay?wait=true').set(bearer(ADMIN_KEY)).expect(200);
    await app.projections.caughtUp();
    const query = `at=2025-02-27T12:00:00Z&knownAt=${new Date().toISOString()}`;
    const repeated = await app
      .http()
      .get(`/v1/compare?actors=keir-starmer&actors=donald-trump&${query}`)
      .expect(200);
    const comma = await app.http().get(`/v1/compare?actors=keir-starmer,donald-trump&${query}`).expect(200);
    expect(repeated.body.actors).toEqual(['keir-starmer', 'donald-trump']);
    expect(repeated.body).toEqual(comma.body);
  });
});
