import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { eventually } from '../support/eventually';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { ADMIN_KEY, bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

const WEBHOOK_ENV = {
  WEBHOOKS_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
  WEBHOOKS_RETRY_SCHEDULE: '0,300ms,600ms,900ms,1200ms',
  WEBHOOKS_TIMEOUT: '400ms',
  WEBHOOKS_POLL_MS: '20',
  WEBHOOKS_LEASE: '5s',
};

describe.each(engines())('webhooks (%s)', (engine) => {
  let app: TestApp;
  let receiver: WebhookReceiver;
  const endpointIds: string[] = [];

  beforeAll(async () => {
    app = await startTestApp(engine, WEBHOOK_ENV);
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
  });
  afterEach(async () => {
    // An endpoint left behind would keep retrying into the next test's receiver, which may get the same port.
    for (const id of endpointIds.splice(0)) await admin().delete(`/v1/webhooks/endpoints/${id}`);
    await receiver.stop();
  });

  const admin = () => ({
    post: (path: string) => app.http().post(path).set(bearer(ADMIN_KEY)),
    get: (path: string) => app.http().get(path).set(bearer(ADMIN_KEY)),
    delete: (path: string) => app.http().delete(path).set(bearer(ADMIN_KEY)),
  });
  const createEndpoint = async (body: Record<string, unknown> = {}) => {
    const created = (
      await admin()
        .post('/v1/webhooks/endpoints')
        .send({ url: receiver.url, eventTypes: ['stance.changed', 'position.stated'], ...body })
        .expect(201)
    ).body;
    endpointIds.push(created.id);
    return created;
  };
  const record = (actorId: string, topicId: string, overrides: Record<string, unknown> = {}) =>
    app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition(topicId, overrides))
      .expect(201);
  const replay = (endpointId: string, body: Record<string, unknown>) =>
    admin().post(`/v1/webhooks/endpoints/${endpointId}/replay`).send(body);
  const deliveries = async (endpointId: string) =>
    (await admin().get(`/v1/webhooks/endpoints/${endpointId}/deliveries`).expect(200)).body.items;

  it('signs every delivery so that standardwebhooks verifies it, and tells a stance change with its flip rating', async () => {
    const endpoint = await createEndpoint();
    expect(endpoint.secret).toMatch(/^whsec_/);
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await record(actorId, topicIds[0], { stance: 'support' });
    await record(actorId, topicIds[0], { stance: 'oppose', statedAt: '2025-02-27' });
    await eventually(() => expect(receiver.ofType('stance.changed')).toHaveLength(2), 15_000);
    const verifier = new Webhook(endpoint.secret);
    for (const request of receiver.received) {
      expect(verifier.verify(request.body, request.headers as Record<string, string>)).toEqual(
        JSON.parse(request.body),
      );
    }
    const changes = receiver.ofType('stance.changed').map((request) => JSON.parse(request.body).data);
    expect(
      changes.map((change) => [change.before?.stance ?? null, change.after.stance, change.rating]),
    ).toEqual([
      [null, 'support', 'engagement-change'],
      ['support', 'oppose', 'full-flop'],
    ]);
    expect(receiver.ofType('position.stated')).toHaveLength(2);
    const tampered = receiver.received[0];
    expect(() => verifier.verify(`${tampered.body} `, tampered.headers as Record<string, string>)).toThrow();
  });

  it('retries 500s with the same webhook-id until delivered, and logs every attempt', async () => {
    let calls = 0;
    receiver.reply = () => ({ status: ++calls <= 2 ? 500 : 204 });
    const endpoint = await createEndpoint({ eventTypes: ['position.stated'] });
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await record(actorId, topicIds[0]);
    const [delivery] = await eventually(async () => {
      const items = await deliveries(endpoint.id);
      expect(items[0]?.status).toBe('delivered');
      return items;
    }, 15_000);
    expect(delivery.attempts.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([
      500, 500, 204,
    ]);
    expect(delivery.attempts[0]).toEqual(
      expect.objectContaining({ latencyMs: expect.any(Number), error: 'HTTP 500' }),
    );
    expect(receiver.uniqueIds().size).toBe(1);
    expect(receiver.received).toHaveLength(3);
  });

  it('delivers everything, once per webhook-id, to a receiver that was down for a while', async () => {
    const endpoint = await createEndpoint({ eventTypes: ['position.stated'] });
    await receiver.stop();
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    for (let index = 0; index < 5; index++)
      await record(actorId, topicIds[0], { statedAt: `2025-02-1${index}` });
    // Five deliveries, each tried at least twice while nobody listened (an empty list must not pass).
    await eventually(async () => {
      const items: { attempts: unknown[] }[] = await deliveries(endpoint.id);
      expect(items.map((item) => item.attempts.length >= 2)).toEqual([true, true, true, true, true]);
    }, 15_000);
    await receiver.start();
    await eventually(async () => {
      const items: { status: string }[] = await deliveries(endpoint.id);
      expect(items.map((item) => item.status)).toEqual(Array(5).fill('delivered'));
    }, 15_000);
    expect(receiver.uniqueIds().size).toBe(5);
  });

  it('times a slow receiver out and retries it', async () => {
    let calls = 0;
    receiver.reply = () => ({ status: 200, delayMs: ++calls === 1 ? 2_000 : 0 });
    const endpoint = await createEndpoint({ eventTypes: ['position.stated'] });
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await record(actorId, topicIds[0]);
    const [delivery] = await eventually(async () => {
      const items = await deliveries(endpoint.id);
      expect(items[0]?.status).toBe('delivered');
      return items;
    }, 15_000);
    expect(delivery.attempts[0].statusCode).toBeNull();
    expect(delivery.attempts[0].error).toMatch(/within 400 ms|timeout|timed out/i);
  });

  it('disables an endpoint that answers 410 Gone, showing why', async () => {
    receiver.reply = () => ({ status: 410 });
    const endpoint = await createEndpoint({ eventTypes: ['position.stated'] });
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await record(actorId, topicIds[0]);
    const disabled = await eventually(async () => {
      const body = (await admin().get(`/v1/webhooks/endpoints/${endpoint.id}`).expect(200)).body;
      expect(body.enabled).toBe(false);
      return body;
    }, 15_000);
    expect(disabled.disabledReason).toContain('410');
  });

  it('sends a 400 to the dead letters without retrying, and redelivers from there', async () => {
    let broken = true;
    receiver.reply = () => ({ status: broken ? 400 : 200 });
    const endpoint = await createEndpoint({ eventTypes: ['position.stated'] });
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await record(actorId, topicIds[0]);
    const [dead] = await eventually(async () => {
      const items = (
        await admin().get('/v1/webhooks/dead-letters').query({ endpointId: endpoint.id }).expect(200)
      ).body.items;
      expect(items).toHaveLength(1);
      return items;
    }, 15_000);
    expect(dead.attempts).toHaveLength(1);
    expect(dead.lastError).toContain('400');
    broken = false;
    await admin().post(`/v1/webhooks/deliveries/${dead.id}/redeliver`).expect(202);
    await eventually(async () => expect((await deliveries(endpoint.id))[0].status).toBe('delivered'), 15_000);
    expect(receiver.uniqueIds().size).toBe(1);
  });

  it('delivers only what matches an endpoint’s actor and topic filters', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 2);
    const other = await givenActorAndTopics(app, 1);
    const endpoint = await createEndpoint({
      eventTypes: ['position.stated'],
      actors: [actorId],
      topics: [topicIds[0]],
    });
    await record(actorId, topicIds[0]);
    await record(actorId, topicIds[1]);
    await record(other.actorId, other.topicIds[0]);
    await eventually(() => expect(receiver.received).toHaveLength(1), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0].body).data).toMatchObject({ actorId, topicId: topicIds[0] });
    expect(await deliveries(endpoint.id)).toHaveLength(1);
  });

  it('replays since a time with the same webhook-ids', async () => {
    const since = new Date().toISOString();
    const endpoint = await createEndpoint({ eventTypes: ['position.stated'] });
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await record(actorId, topicIds[0]);
    await record(actorId, topicIds[0], { statedAt: '2025-02-27' });
    await eventually(() => expect(receiver.received).toHaveLength(2), 15_000);
    const replayed = (await replay(endpoint.id, { since, only: 'all' }).expect(202)).body;
    expect(replayed.replayed).toBe(2);
    await eventually(() => expect(receiver.received).toHaveLength(4), 15_000);
    expect(receiver.uniqueIds().size).toBe(2);
    const bad = await replay(endpoint.id, { since: 'yesterday', only: 'some' }).expect(400);
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'only',
      'since',
    ]);
  });

  it('replays by the record time of what happened, not by when a catch-up stored its notice', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    // This actor's notices only: the app, and its stored notices, are shared with the other tests.
    const endpoint = await createEndpoint({ eventTypes: ['position.stated'], actors: [actorId] });
    const since = new Date().toISOString();
    const { positionId } = (await record(actorId, topicIds[0])).body;
    // A statement recorded months ago that the webhooks projection only reaches now, as a first catch-up over
    // an existing log does: the same event as the one just recorded, under its own ids and an old record time.
    const stream = await app.store.readStream(`actor-${actorId}`);
    const stated = stream.find((event) => event.type === 'PositionStated');
    if (!stated) throw new Error(`no PositionStated in actor-${actorId}`);
    const recordedAt = '2025-03-01T00:00:00.000Z';
    const old = {
      ...(stated.data as Record<string, unknown>),
      positionId: randomUUID(),
      recordedAt,
      statedAt: '2025-02-27T00:00:00.000Z',
    };
    await app.store.append(
      `actor-${actorId}`,
      [
        {
          id: randomUUID(),
          type: 'PositionStated',
          schemaVersion: stated.schemaVersion,
          data: old,
          metadata: stated.metadata,
        },
      ],
      { expectedRevision: 'any', recordedAt: new Date(recordedAt) },
    );
    await eventually(() => expect(receiver.received).toHaveLength(2), 15_000);
    const sinceNow = (await replay(endpoint.id, { since, only: 'all' }).expect(202)).body;
    expect(sinceNow.replayed).toBe(1);
    await eventually(() => expect(receiver.received).toHaveLength(3), 15_000);
    expect(JSON.parse(receiver.received[2].body).data.positionId).toBe(positionId);
    const all = (await replay(endpoint.id, { since: '2025-02-28T00:00:00Z', only: 'all' }).expect(202)).body;
    expect(all.replayed).toBe(2);
  });

  it('sends nothing twice after the webhooks projection is rebuilt over notices it already stored', async () => {
    const endpoint = await createEndpoint();
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await record(actorId, topicIds[0], { stance: 'support' });
    await record(actorId, topicIds[0], { stance: 'oppose', statedAt: '2025-02-27' });
    // Two statements and two stance changes.
    await eventually(() => expect(receiver.uniqueIds().size).toBe(4), 15_000);
    const job = (
      await admin().post('/v1/admin/projections/webhooks/rebuild').query({ wait: 'true' }).expect(200)
    ).body;
    expect(job).toMatchObject({ status: 'succeeded', kind: 'rebuild:webhooks' });
    // After the rebuild the projection goes on from the log: a new statement is told, once.
    await record(actorId, topicIds[0], { stance: 'hedged', statedAt: '2025-02-28' });
    await eventually(() => expect(receiver.uniqueIds().size).toBe(6), 15_000);
    await app.projections.caughtUp();
    // The receiver counts a delivery when it arrives; the dispatcher marks it delivered only after the answer.
    await eventually(async () => {
      const items: { status: string }[] = await deliveries(endpoint.id);
      expect(items.map((item) => item.status)).toEqual(Array(6).fill('delivered'));
    }, 15_000);
    const [{ count }] = await app.sql.query<{ count: string }>(
      'SELECT count(*)::text AS count FROM webhook_messages WHERE actor_id = $1',
      [actorId],
    );
    expect(count).toBe('6');
    expect(receiver.received).toHaveLength(6);
  });

  it('signs with both secrets while a rotation overlaps, and keeps secrets out of reads and out of the database', async () => {
    const endpoint = await createEndpoint({ eventTypes: ['webhook.test'] });
    const rotated = (await admin().post(`/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`).expect(200))
      .body;
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(rotated.previousSecretValidUntil).toEqual(expect.any(String));
    await admin().post(`/v1/webhooks/endpoints/${endpoint.id}/test`).expect(202);
    await eventually(() => expect(receiver.received).toHaveLength(1), 15_000);
    const [request] = receiver.received;
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated.secret]) {
      expect(
        new Webhook(secret).verify(request.body, request.headers as Record<string, string>),
      ).toMatchObject({ type: 'webhook.test' });
    }
    const shown = (await admin().get(`/v1/webhooks/endpoints/${endpoint.id}`).expect(200)).body;
    expect(JSON.stringify(shown)).not.toContain('whsec_');
    const [row] = await app.sql.query<{ secret_ciphertext: string }>(
      'SELECT secret_ciphertext FROM webhook_endpoints WHERE endpoint_id = $1',
      [endpoint.id],
    );
    const raw = Buffer.from(rotated.secret.slice('whsec_'.length), 'base64').toString('base64');
    expect(row.secret_ciphertext).not.toContain(raw);
  });

  it('needs an admin key or the webhooks role', async () => {
    await app.http().get('/v1/webhooks/endpoints').expect(401);
    await app.http().get('/v1/webhooks/endpoints').set(bearer(EDITOR_KEY)).expect(403);
    const invalid = await admin()
      .post('/v1/webhooks/endpoints')
      .send({ url: 'not a url', eventTypes: ['nope'] })
      .expect(400);
    expect(invalid.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(
      expect.arrayContaining(['url', 'eventTypes']),
    );
  });
});

describe('webhook endpoint URLs without an allowance (SSRF)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { WEBHOOKS_DELIVERY_ENABLED: 'false' });
  });
  afterAll(() => app.close());

  it.each([
    'http://127.0.0.1/hook',
    'http://localhost/hook',
    'http://127.1/hook',
    'http://2130706433/hook',
    'http://0x7f000001/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://10.0.0.1/hook',
    'http://172.16.0.1/hook',
    'http://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/hook',
    'http://[::]/hook',
    'http://224.0.0.1/hook',
    'http://[fe80::1]/hook',
    'http://[fd00:ec2::254]/hook',
  ])('refuses %s with a 422 naming the url', async (url) => {
    const { body } = await app
      .http()
      .post('/v1/webhooks/endpoints')
      .set(bearer(ADMIN_KEY))
      .send({ url, eventTypes: ['stance.changed'] })
      .expect(422);
    expect(body.error).toMatchObject({
      code: 'WEBHOOK.URL_REFUSED',
      details: { field: 'url', reason: expect.any(String) },
    });
  });
});

describe('an endpoint failing for longer than WEBHOOKS_DISABLE_AFTER', () => {
  let app: TestApp;
  const receiver = new WebhookReceiver();
  beforeAll(async () => {
    app = await startTestApp('pglite', {
      ...WEBHOOK_ENV,
      WEBHOOKS_RETRY_SCHEDULE: '0,200ms,200ms,200ms,200ms,200ms',
      WEBHOOKS_DISABLE_AFTER: '500ms',
    });
    await receiver.start();
    receiver.reply = () => ({ status: 503 });
  });
  afterAll(async () => {
    await receiver.stop();
    await app.close();
  });

  it('is disabled, with the reason shown', async () => {
    const endpoint = (
      await app
        .http()
        .post('/v1/webhooks/endpoints')
        .set(bearer(ADMIN_KEY))
        .send({ url: receiver.url, eventTypes: ['position.stated'] })
        .expect(201)
    ).body;
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition(topicIds[0]))
      .expect(201);
    const disabled = await eventually(async () => {
      const body = (
        await app.http().get(`/v1/webhooks/endpoints/${endpoint.id}`).set(bearer(ADMIN_KEY)).expect(200)
      ).body;
      expect(body.enabled).toBe(false);
      return body;
    }, 15_000);
    expect(disabled.disabledReason).toMatch(/^failing without a success since \d{4}-/);
    expect(disabled.failingSince).toEqual(expect.any(String));
    receiver.reply = () => ({ status: 200 });
    await app
      .http()
      .patch(`/v1/webhooks/endpoints/${endpoint.id}`)
      .set(bearer(ADMIN_KEY))
      .send({ enabled: true })
      .expect(200);
    await eventually(
      () =>
        expect(receiver.received.at(-1) && JSON.parse(receiver.received.at(-1)!.body).type).toBe(
          'position.stated',
        ),
      15_000,
    );
  });
});
