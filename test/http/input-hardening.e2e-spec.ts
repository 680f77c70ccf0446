import type { AddressInfo } from 'node:net';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { ADMIN_KEY, bearer, engines, startTestApp, type TestApp } from '../support/test-app';
import { rawRequest } from './raw-http';

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';
const ISO_WEEK_AND_ORDINAL = ['2025-W09', '2025-W09-3', '2025-058'];

type Violation = { field: string; rule: string };
const violations = (body: { error: { code: string; details: Violation[] } }): [string, string][] => {
  expect(body.error.code).toBe('REQUEST.VALIDATION_FAILED');
  expect(Array.isArray(body.error.details)).toBe(true);
  return body.error.details.map(({ field, rule }) => [field, rule]);
};

/** Input that once reached the database or a library unchecked and answered 500 (issue #16). */
describe.each(engines())('input the API refuses in its own words (%s)', (engine) => {
  let app: TestApp;
  let actorId: string;
  let topicId: string;
  beforeAll(async () => {
    app = await startTestApp(engine, { WEBHOOKS_ALLOW_CIDRS: '127.0.0.0/8' });
    ({
      actorId,
      topicIds: [topicId],
    } = await givenActorAndTopics(app, 1));
  });
  afterAll(() => app.close());

  const admin = bearer(ADMIN_KEY);
  const eventCount = async () =>
    Number((await app.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM events'))[0].n);
  const recordOne = async () =>
    (await app.http().post(`/v1/actors/${actorId}/positions`).set(admin).send(aPosition(topicId)).expect(201))
      .body as { positionId: string; revision: string };

  describe.each([
    ['NUL character', NUL, 'noNulCharacter'],
    ['lone surrogate', LONE_SURROGATE, 'wellFormedUnicode'],
  ])('a %s', (_, bad, rule) => {
    it.each([
      ['a position summary', 'summary', () => aPosition(topicId, { summary: `Backs${bad} it` })],
      ['a quote', 'quote', () => aPosition(topicId, { quote: `We${bad} back it.` })],
      [
        "a source's text",
        'sources[0].text',
        () =>
          aPosition(topicId, { sources: [{ outlet: 'BBC News', text: `“We back it${bad},” she said.` }] }),
      ],
    ])('in %s is refused with 400 naming the field, and nothing is written', async (_, field, body) => {
      const before = await eventCount();
      const response = await app
        .http()
        .post(`/v1/actors/${actorId}/positions`)
        .set(admin)
        .send(body())
        .expect(400);
      expect(violations(response.body)).toEqual([[field, rule]]);
      expect(await eventCount()).toBe(before);
    });

    it('in actor, topic and article text is refused with 400 naming the field', async () => {
      const before = await eventCount();
      const actor = await app
        .http()
        .post('/v1/actors')
        .set(admin)
        .send({ id: 'text-actor', name: `Jane${bad} Doe`, kind: 'person', aliases: [`J${bad}`] })
        .expect(400);
      expect(violations(actor.body)).toEqual([
        ['name', rule],
        ['aliases[0]', rule],
      ]);
      const topic = await app
        .http()
        .post('/v1/topics')
        .set(admin)
        .send({ id: 'text.topic', title: 'Title', proposition: `Testland${bad} should` })
        .expect(400);
      expect(violations(topic.body)).toEqual([['proposition', rule]]);
      const article = await app
        .http()
        .post('/v1/articles')
        .set(admin)
        .send({ text: `“We back it,”${bad} said Jane Doe.`, outlet: 'BBC News', publishedOn: '2025-02-26' })
        .expect(400);
      expect(violations(article.body)).toEqual([['text', rule]]);
      expect(await eventCount()).toBe(before);
    });
  });

  it('refuses a NUL character in a query string or a path parameter with 400 naming it', async () => {
    const search = await app.http().get('/v1/quotations?q=%00').expect(400);
    expect(violations(search.body)).toEqual([['q', 'noNulCharacter']]);
    const actor = await app.http().get('/v1/actors/keir%00starmer').expect(400);
    expect(violations(actor.body)).toEqual([['actorId', 'noNulCharacter']]);
  });

  it('still takes tabs, new lines and characters beyond the BMP (a surrogate pair) as text', async () => {
    const response = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(admin)
      .send(aPosition(topicId, { summary: 'Backs it\tfully 👍\nand more' }))
      .expect(201);
    await app.projections.caughtUp();
    const stance = await app.http().get(`/v1/actors/${actorId}/stances/${topicId}`).expect(200);
    expect(stance.body.positionId).toBe(response.body.positionId);
    expect(stance.body.summary).toBe('Backs it\tfully 👍\nand more');
  });

  it.each(['/docs/../../package.json', '/app/../../package.json', '/docs/../../../../etc/passwd'])(
    'answers %s, sent without normalising the path, with 404 in the error shape',
    async (path) => {
      await app.app.listen(0, '127.0.0.1').catch(() => undefined);
      const { port } = app.app.getHttpServer().address() as AddressInfo;
      const response = await rawRequest(
        port,
        `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      expect(response?.status).toBe(404);
      expect(JSON.parse(response?.body ?? '{}')).toEqual({
        error: { code: 'REQUEST.NOT_FOUND', message: expect.any(String), details: expect.any(Object) },
      });
      expect(response?.body).not.toContain('"name": "positions"');
    },
  );

  it.each(['"abc"', '*', 'W/"1"', '"-1"', '"01"', '"1", "2"', '"1'])(
    'refuses If-Match: %s with 400 naming the header on every write that reads it, appending nothing',
    async (ifMatch) => {
      const { positionId } = await recordOne();
      const before = await eventCount();
      const writes = [
        [`/v1/actors/${actorId}/positions`, aPosition(topicId)],
        [
          `/v1/actors/${actorId}/positions/${positionId}/sources`,
          { outlet: 'The Times', text: 'We back it.' },
        ],
        [
          `/v1/actors/${actorId}/positions/${positionId}/withdrawal`,
          { effectiveAt: '2025-03-01', reason: 'r' },
        ],
        [
          `/v1/actors/${actorId}/positions/${positionId}/correction`,
          { reason: 'r', changes: { summary: 'S' } },
        ],
        [`/v1/actors/${actorId}/positions/${positionId}/retraction`, { reason: 'r' }],
      ] as const;
      for (const [path, body] of writes) {
        const response = await app
          .http()
          .post(path)
          .set(admin)
          .set('If-Match', ifMatch)
          .send(body)
          .expect(400);
        expect(violations(response.body)).toEqual([['If-Match', 'validRevision']]);
      }
      expect(await eventCount()).toBe(before);
    },
  );

  it('still guards a write with a quoted revision (and a bare one)', async () => {
    const { revision } = await recordOne();
    await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(admin)
      .set('If-Match', `"${revision}"`)
      .send(aPosition(topicId))
      .expect(201);
    const stale = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(admin)
      .set('If-Match', revision)
      .send(aPosition(topicId))
      .expect(409);
    expect(stale.body.error.code).toBe('EVENT_STORE.CONCURRENCY_CONFLICT');
  });

  it.each(['0x10', '1e3', '010', '0', '501', '1000', '-1', '1.5', ' 5', '+5', ''])(
    'refuses /v1/events?limit=%j with 400 naming limit',
    async (limit) => {
      const response = await app.http().get('/v1/events').query({ limit }).expect(400);
      expect(violations(response.body).map(([field]) => field)).toContain('limit');
      expect(new Set(violations(response.body).map(([field]) => field))).toEqual(new Set(['limit']));
    },
  );

  it('pages /v1/events to a null next at the end of the log, so a client following next stops', async () => {
    await app.projections.caughtUp();
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(1000);
      const { body } = (await app
        .http()
        .get('/v1/events')
        .query({ limit: 500, ...(after ? { after } : {}) })
        .expect(200)) as { body: { events: { id: string }[]; next: string | null } };
      seen.push(...body.events.map((event) => event.id));
      if (body.next === null) break;
      after = body.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(await eventCount());
    const last = await app.http().get('/v1/events').query({ limit: 1 }).expect(200);
    expect(last.body.next).toEqual(expect.any(String));
  });

  it('refuses forged, foreign, truncated and garbage cursors on every paged list with 400 naming after', async () => {
    for (const url of ['https://127.0.0.1:9/a', 'https://127.0.0.1:9/b', 'https://127.0.0.1:9/c'])
      await app
        .http()
        .post('/v1/webhooks/endpoints')
        .set(admin)
        .send({ url, eventTypes: ['webhook.test'] })
        .expect(201);
    const first = async (path: string) =>
      (await app.http().get(path).set(admin).expect(200)).body.next as string;
    const issued = {
      actors: await first('/v1/actors?limit=1'),
      topics: await first('/v1/topics?limit=1'),
      endpoints: await first('/v1/webhooks/endpoints?limit=1'),
      events: await first('/v1/events?limit=1'),
    };
    const lists: [string, string][] = [
      ['/v1/actors', issued.actors],
      ['/v1/topics', issued.topics],
      ['/v1/webhooks/endpoints', issued.endpoints],
      ['/v1/events', issued.events],
      [`/v1/actors/${actorId}/history`, ''],
      ['/v1/review', ''],
    ];
    for (const [path, own] of lists) {
      const refused = [
        Buffer.from('zzzz').toString('base64url'),
        Buffer.from('["actors"]').toString('base64url'),
        ...Object.values(issued).filter((cursor) => cursor !== own),
        own.slice(0, Math.max(1, own.length - 3)),
        '0777',
        '010.5',
        '!!!',
        '',
      ];
      for (const after of refused) {
        const response = await app.http().get(path).query({ after }).set(admin).expect(400);
        expect([path, after, violations(response.body)]).toEqual([path, after, [['after', 'validCursor']]]);
      }
      if (own) await app.http().get(path).query({ after: own }).set(admin).expect(200);
    }
  });

  it('pages the webhook endpoints with its cursor, each endpoint once', async () => {
    const all = (await app.http().get('/v1/webhooks/endpoints').set(admin).expect(200)).body.items as {
      id: string;
    }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { body } = (await app
        .http()
        .get('/v1/webhooks/endpoints')
        .query({ limit: 2, ...(after ? { after } : {}) })
        .set(admin)
        .expect(200)) as { body: { items: { id: string }[]; next: string | null } };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((endpoint) => endpoint.id));
      after = body.next;
    } while (after !== null);
    expect(seen).toEqual(all.map(({ id }) => id));
  });

  it.each(ISO_WEEK_AND_ORDINAL)(
    'refuses the ISO week or ordinal date %s in every date field and query',
    async (date) => {
      const before = await eventCount();
      const refusals: [string, Promise<{ body: { error: { code: string; details: Violation[] } } }>][] = [
        [
          'statedAt',
          app
            .http()
            .post(`/v1/actors/${actorId}/positions`)
            .set(admin)
            .send(aPosition(topicId, { statedAt: date })),
        ],
        [
          'publishedAt',
          app
            .http()
            .post('/v1/articles')
            .set(admin)
            .send({ text: 'Some words.', outlet: 'BBC', publishedAt: date }),
        ],
        ['at', app.http().get(`/v1/actors/${actorId}/stances`).query({ at: date })],
        ['knownAt', app.http().get(`/v1/topics/${topicId}/stances`).query({ knownAt: date })],
        ['from', app.http().get(`/v1/actors/${actorId}/shifts`).query({ from: date })],
        ['to', app.http().get('/v1/changes').query({ from: '2025-01-01', to: date })],
        ['at', app.http().get('/v1/export/positions').query({ format: 'csv', at: date })],
      ];
      for (const [field, request] of refusals) {
        const response = await request;
        expect((response as unknown as { status: number }).status).toBe(400);
        expect(violations(response.body).map(([name]) => name)).toEqual([field]);
      }
      expect(await eventCount()).toBe(before);
    },
  );

  it('refuses a correction without changes with 400 naming changes', async () => {
    const { positionId } = await recordOne();
    const response = await app
      .http()
      .post(`/v1/actors/${actorId}/positions/${positionId}/correction`)
      .set(admin)
      .send({ reason: 'r' })
      .expect(400);
    expect(violations(response.body)).toEqual([['changes', 'required']]);
  });

  it('extracts articles while an actor holds a role at an organisation called "constructor" or "__proto__" (found by the fuzz suite)', async () => {
    await app
      .http()
      .post('/v1/actors')
      .set(admin)
      .send({
        id: 'odd-organisations',
        name: 'Odd Organisations',
        kind: 'person',
        roles: [
          { title: 'Director of toString', organisation: 'constructor', from: '2020-01-01' },
          { title: 'Head of __proto__', organisation: '__proto__', from: '2020-01-01' },
        ],
      })
      .expect(201);
    await app.projections.caughtUp();
    await app
      .http()
      .post('/v1/articles')
      .set(admin)
      .send({ text: '“We back it,” the director said.', outlet: 'BBC News', publishedOn: '2025-02-26' })
      .expect(201);
  });
});
