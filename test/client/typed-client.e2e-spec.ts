import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { ADMIN_KEY, EDITOR_KEY, startTestApp, type TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';
import type { paths } from './positions-api';

/** The README's first calls, through a client typed from openapi.json (openapi-typescript + openapi-fetch). */
describe('a typed client generated from the OpenAPI document', () => {
  let app: TestApp;
  const receiver = new WebhookReceiver();
  let baseUrl: string;
  const as = (key: string) => ({ headers: { Authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    app = await startTestApp('pglite', { WEBHOOKS_ALLOW_CIDRS: '127.0.0.0/8,::1/128' });
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await app.close();
  });

  it('replays the seeds, reads a stance as known on a day, records, compares, posts an article, reviews and subscribes', async () => {
    const client = createClient<paths>({ baseUrl });

    const replay = await client.POST('/v1/admin/seeds/replay', {
      params: { query: { wait: true } },
      ...as(ADMIN_KEY),
    });
    expect(replay.response.status).toBe(200);
    expect(replay.data?.status).toBe('succeeded');
    await app.projections.caughtUp();

    const stance = await client.GET('/v1/actors/{actorId}/stances/{topicId}', {
      params: {
        path: { actorId: 'donald-trump', topicId: 'ukraine.security-guarantees.us' },
        query: { at: '2025-02-27', knownAt: '2025-02-26T23:00:00Z' },
      },
    });
    expect(stance.data?.stance).toBe('conditional-opposition');
    expect(stance.data?.sources.map((source) => source.outlet)).toEqual(['BBC News']);
    const unknown = await client.GET('/v1/actors/{actorId}/stances/{topicId}', {
      params: {
        path: { actorId: 'donald-trump', topicId: 'ukraine.security-guarantees.us' },
        query: { at: '2025-02-27', knownAt: '2025-02-25T23:00:00Z' },
      },
    });
    expect(unknown.error?.error.code).toBe('STANCE.NOT_IN_FORCE');

    const recorded = await client.POST('/v1/actors/{actorId}/positions', {
      params: { path: { actorId: 'keir-starmer' } },
      body: {
        topicId: 'ukraine.nato-membership',
        stance: 'hedged',
        summary: 'Starmer would not be drawn on Ukraine joining NATO.',
        quote: 'That is a question for another day.',
        evidenceType: 'direct-quote',
        statedAt: '2025-03-02',
        confidence: 0.8,
        sources: [{ outlet: 'Desk', text: '“That is a question for another day,” he said.' }],
      },
      ...as(EDITOR_KEY),
    });
    expect(recorded.response.status).toBe(201);
    expect(recorded.data?.positionId).toEqual(expect.any(String));

    const compared = await client.GET('/v1/compare', {
      params: { query: { actors: ['keir-starmer', 'donald-trump'], at: '2025-02-27' } },
    });
    expect(
      compared.data?.items.find((item) => item.topicId === 'ukraine.security-guarantees.us')?.agreement,
    ).toBe('oppose');

    const article = await client.POST('/v1/articles', {
      body: {
        text: 'The foreign minister was blunt. "We will not be rushed into a bad deal," Rubio said on Tuesday.',
        outlet: 'Desk',
        publishedOn: '2025-03-12',
      },
      ...as(EDITOR_KEY),
    });
    expect(article.response.status).toBe(201);
    expect(article.data?.quotations.length).toBeGreaterThan(0);

    // It states no position of its own words: kept as evidence, listed apart from the pending queue.
    expect(article.data?.quotations[0]).toMatchObject({
      stance: 'no-position',
      speaker: { actorId: 'marco-rubio' },
    });
    const kept = await client.GET('/v1/review', {
      params: { query: { status: 'no-position', articleId: article.data?.articleId } },
    });
    const [item] = kept.data?.items ?? [];
    expect(item?.quote).toContain('We will not be rushed');
    const accepted = await client.POST('/v1/review/{quotationId}/accept', {
      params: { path: { quotationId: item.quotationId } },
      body: {
        topicId: 'ukraine.ceasefire-vs-lasting-peace',
        stance: 'support',
        summary: 'Rubio: no rushed deal.',
      },
      ...as(EDITOR_KEY),
    });
    expect(accepted.data).toMatchObject({ status: 'accepted', disposition: { kind: 'recorded' } });

    const endpoint = await client.POST('/v1/webhooks/endpoints', {
      body: { url: receiver.url, eventTypes: ['stance.changed'], actors: ['keir-starmer'] },
      ...as(ADMIN_KEY),
    });
    expect(endpoint.response.status).toBe(201);
    expect(endpoint.data?.secret).toMatch(/^whsec_/);
  });
});
