import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { describeIfPostgres, TEST_DATABASE_URL } from '../support/databases';
import { bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

const TOKEN = /^\d+\.\d+$/;

describe.each(engines())('read-your-writes (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    // The horizon is the whole cluster's: another suite's transaction must not fail this one's reads or readiness.
    app = await startTestApp(engine, { HEALTH_MAX_TRANSACTION_AGE: '10m', READ_CONSISTENCY_TIMEOUT: '20s' });
  });
  afterAll(() => app.close());

  it('answers a write with its log position, and a read that sends it back sees the write', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    const written = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition(topicIds[0], { stance: 'oppose' }))
      .expect(201);
    const token = written.headers['positions-consistency'];
    expect(token).toMatch(TOKEN);
    const stored = await app.store.readStream(`actor-${actorId}`);
    expect(token).toBe(stored.at(-1)?.position);
    const read = await app
      .http()
      .get(`/v1/actors/${actorId}/stances/${topicIds[0]}`)
      .set('Positions-Consistency', token)
      .expect(200);
    expect(read.body).toMatchObject({ positionId: written.body.positionId, stance: 'oppose' });
  });

  it('gives the token with an Idempotency-Key too, and none on a refused write', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    const written = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set({ ...bearer(EDITOR_KEY), 'Idempotency-Key': `key-${actorId}` })
      .send(aPosition(topicIds[0]))
      .expect(201);
    expect(written.headers['positions-consistency']).toMatch(TOKEN);
    const refused = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition('test.no-such-topic'))
      .expect(422);
    expect(refused.headers['positions-consistency']).toBeUndefined();
  });

  it.each(['yesterday', '1102318027694.7651', '0.0'])(
    'refuses %s, a token no write answered, with 400 naming the header instead of waiting (found by the fuzz suite)',
    async (token) => {
      const response = await app.http().get('/v1/topics').set('Positions-Consistency', token).expect(400);
      expect(response.body.error).toMatchObject({
        code: 'REQUEST.VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'Positions-Consistency', rule: 'isLogPosition' })],
      });
    },
  );

  it('answers liveness without asking the database, and readiness while healthy', async () => {
    await app.projections.caughtUp();
    expect((await app.http().get('/health/live').expect(200)).body).toEqual({ status: 'live' });
    await eventually(async () => {
      const ready = await app.http().get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({ status: 'ok', problems: [] });
    }, 15_000);
  });
});

describe('the health of the read models on PGlite', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app.close());

  it('says why no transaction can hold the horizon back there', async () => {
    const { body } = await app.http().get('/health').expect(200);
    expect(body.horizon).toEqual({
      checked: false,
      reason: expect.stringMatching(/PGlite .*no other session/),
    });
  });
});

/**
 * A transaction left open on another connection (as a report in psql would) stalls every catch-up reader: the
 * write succeeds, the read models stand still, and the service has to say so. Held for seconds only: the horizon
 * is the whole cluster's, other suites on this server wait behind it too.
 */
describeIfPostgres('a stalled read side (postgres)', () => {
  let app: TestApp;
  let holder: Client;
  beforeAll(async () => {
    app = await startTestApp('postgres', {
      READ_CONSISTENCY_TIMEOUT: '700ms',
      HEALTH_MAX_TRANSACTION_AGE: '2s',
      HEALTH_MAX_STALL: '1s',
    });
    holder = new Client({ connectionString: TEST_DATABASE_URL, application_name: 'stall-test' });
    await holder.connect();
  });
  afterAll(async () => {
    await holder.end();
    await app.close();
  });

  it('answers 503 READ_MODEL.BEHIND to a read that waits for its write, turns /health degraded naming the transaction, and recovers', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await holder.query('BEGIN');
    const [{ pid }] = (await holder.query('SELECT pg_backend_pid() AS pid, pg_current_xact_id()')).rows;
    let written: { headers: Record<string, string>; body: { positionId: string } };
    try {
      written = await app
        .http()
        .post(`/v1/actors/${actorId}/positions`)
        .set(bearer(EDITOR_KEY))
        .send(aPosition(topicIds[0]))
        .expect(201);
      const path = `/v1/actors/${actorId}/stances/${topicIds[0]}`;
      // Without the token the read answers from read models that have not seen the write.
      await app.http().get(path).expect(404);
      const behind = await app
        .http()
        .get(path)
        .set('Positions-Consistency', written.headers['positions-consistency'])
        .expect(503);
      expect(behind.headers['retry-after']).toBe('1');
      expect(behind.body.error).toMatchObject({
        code: 'READ_MODEL.BEHIND',
        details: {
          header: 'Positions-Consistency',
          position: written.headers['positions-consistency'],
          behind: expect.arrayContaining(['stance-timeline']),
        },
      });
      const degraded = await eventually(
        async () => {
          const { body } = await app.http().get('/health').expect(200);
          expect(body.status).toBe('degraded');
          expect(body.horizon.oldestTransaction).toMatchObject({ pid, applicationName: 'stall-test' });
          expect(body.problems).toEqual(
            expect.arrayContaining([expect.objectContaining({ code: 'DATABASE.HORIZON_HELD', pid })]),
          );
          return body;
        },
        15_000,
        200,
      );
      expect(degraded.horizon.eventsWaiting).toBeGreaterThan(0);
      expect(degraded.horizon.oldestTransaction.ageMs).toBeGreaterThan(2000);
      await eventually(
        async () => {
          const { body } = await app.http().get('/health').expect(200);
          expect(body.problems).toEqual(
            expect.arrayContaining([
              expect.objectContaining({ code: 'READ_MODEL.STALLED', readModel: 'stance-timeline' }),
            ]),
          );
        },
        15_000,
        200,
      );
      const ready = await app.http().get('/health/ready').expect(503);
      expect(ready.body.status).toBe('degraded');
      await app.http().get('/health/live').expect(200);
    } finally {
      await holder.query('ROLLBACK');
    }
    const token = written.headers['positions-consistency'];
    // Other suites share the cluster's horizon: the recovery is awaited, not expected at once.
    const read = await eventually(
      () =>
        app
          .http()
          .get(`/v1/actors/${actorId}/stances/${topicIds[0]}`)
          .set('Positions-Consistency', token)
          .expect(200),
      15_000,
      200,
    );
    expect(read.body.positionId).toBe(written.body.positionId);
    await eventually(
      async () => {
        const { body } = await app.http().get('/health').expect(200);
        expect(body.problems.filter((problem: { pid?: number }) => problem.pid === pid)).toEqual([]);
        expect(
          body.projections.find((projection: { name: string }) => projection.name === 'stance-timeline').lag,
        ).toBe(0);
      },
      15_000,
      200,
    );
  });
});
