import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { describeIfPostgres } from '../support/databases';
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

type Frame = { event?: string; id?: string; data?: string; comment?: string; raw?: string };

/** A real HTTP client reading text/event-stream, frame by frame. */
class SseClient {
  private buffer = '';
  private readonly frames: Frame[] = [];
  private waiting: (() => void) | null = null;
  private request!: http.ClientRequest;
  status = 0;

  response?: http.IncomingMessage;

  /** `read: false` leaves the body unread, for a refusal the test reads itself. */
  static open(
    port: number,
    path: string,
    headers: Record<string, string> = {},
    read = true,
  ): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      client.request = http.get({ host: '127.0.0.1', port, path, headers }, (response) => {
        client.status = response.statusCode ?? 0;
        client.response = response;
        if (read) {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => client.push(chunk));
        }
        resolve(client);
      });
      client.request.on('error', reject);
    });
  }

  private push(chunk: string) {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const frame: Frame = { raw: block };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        const match = /^(event|id|data): ?(.*)$/.exec(line);
        if (match) frame[match[1] as 'event' | 'id' | 'data'] = match[2];
      }
      this.frames.push(frame);
    }
    this.waiting?.();
  }

  /** The next frames up to and including the first one with an id (the end of one event's frames). */
  async nextEvent(timeoutMs = 20_000): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((frame) => frame.id);
      if (index >= 0) return this.frames.splice(0, index + 1).filter((frame) => frame.event);
      if (Date.now() > deadline)
        throw new Error(`no event within ${timeoutMs} ms: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 100);
      });
    }
  }

  /** Skips the registrations of the test's own actor and topics, which may still be in flight when it connects. */
  async nextPositionEvent(): Promise<Frame[]> {
    for (;;) {
      const frames = await this.nextEvent();
      if (frames[0]?.event?.startsWith('Position')) return frames;
    }
  }

  /** The next `count` events, each as the text of its frames. */
  async events(count: number): Promise<string[]> {
    const texts: string[] = [];
    while (texts.length < count) texts.push((await this.nextEvent()).map((frame) => frame.raw).join('\n\n'));
    return texts;
  }

  /** The frames received so far that are not comments, and none of them consumed. */
  pending(): Frame[] {
    return this.frames.filter((frame) => frame.event);
  }

  async connected(): Promise<void> {
    for (
      let tries = 0;
      tries < 200 && !this.frames.some((frame) => frame.comment?.startsWith('connected'));
      tries++
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
  }

  close() {
    this.request.destroy();
  }
}

describe.each(engines())('the SSE stream (%s)', (engine) => {
  let app: TestApp;
  let port: number;
  beforeAll(async () => {
    app = await startTestApp(engine, { SSE_MAX_STREAMS_PER_CLIENT: '100' });
    await app.app.listen(0, '127.0.0.1');
    port = (app.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  const record = (actorId: string, topicId: string, overrides: Record<string, unknown> = {}) =>
    app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition(topicId, overrides))
      .expect(201);

  it('delivers a newly recorded position and its stance change, and resumes after a disconnect without gaps', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 2);
    const first = await SseClient.open(port, `/v1/stream?actor=${actorId}`);
    expect(first.status).toBe(200);
    await first.connected();
    const p1 = (await record(actorId, topicIds[0])).body.positionId;
    const frames = await first.nextPositionEvent();
    expect(frames.map((frame) => frame.event)).toEqual(['PositionStated', 'stance.changed']);
    const stated = JSON.parse(frames[0].data as string);
    expect(stated).toMatchObject({
      type: 'PositionStated',
      data: { actorId, positionId: p1, topicId: topicIds[0] },
    });
    expect(JSON.parse(frames[1].data as string)).toMatchObject({
      actorId,
      topicId: topicIds[0],
      before: null,
      after: { positionId: p1, stance: 'support' },
      rating: 'engagement-change',
    });
    const lastEventId = (frames.at(-1) as Frame).id as string;
    first.close();

    const p2 = (await record(actorId, topicIds[1], { stance: 'oppose', statedAt: '2025-02-27' })).body
      .positionId;
    const p3 = (await record(actorId, topicIds[1], { stance: 'support', statedAt: '2025-02-28' })).body
      .positionId;
    const resumed = await SseClient.open(port, `/v1/stream?actor=${actorId}`, {
      'Last-Event-ID': lastEventId,
    });
    const second = await resumed.nextEvent();
    expect(
      second.map((frame) => [
        frame.event,
        JSON.parse(frame.data as string).data?.positionId ??
          JSON.parse(frame.data as string).after.positionId,
      ]),
    ).toEqual([
      ['PositionStated', p2],
      ['stance.changed', p2],
    ]);
    const third = await resumed.nextEvent();
    expect(JSON.parse(third[1].data as string)).toMatchObject({
      before: { positionId: p2, stance: 'oppose' },
      after: { positionId: p3, stance: 'support' },
      rating: 'full-flop',
    });
    resumed.close();
  });

  it('filters by topic, and refuses a Last-Event-ID that is not one of its ids', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 2);
    const client = await SseClient.open(port, `/v1/stream?topic=${topicIds[1]}`);
    await client.connected();
    await record(actorId, topicIds[0]);
    const wanted = (await record(actorId, topicIds[1])).body.positionId;
    const frames = await client.nextPositionEvent();
    expect(JSON.parse(frames[0].data as string)).toMatchObject({
      data: { positionId: wanted, topicId: topicIds[1] },
    });
    client.close();
    const bad = await app.http().get('/v1/stream').set('Last-Event-ID', 'not a cursor!').expect(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'Last-Event-ID' })]);
    const badActor = await app.http().get('/v1/stream').query({ actor: 'Not_Kebab' }).expect(400);
    expect(badActor.body.error.details).toEqual([
      expect.objectContaining({ field: 'actor', rule: 'matches' }),
    ]);
  });
  const streamsHealth = async () => (await app.http().get('/health').expect(200)).body.streams;

  it('feeds every stream from one follower: each event framed once, cut per filter, the same bytes for all', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 2);
    const open = (query: string) =>
      Promise.all(Array.from({ length: 8 }, () => SseClient.open(port, `/v1/stream${query}`)));
    const all = await open('');
    const byActor = await open(`?actor=${actorId}`);
    const byTopic = await open(`?topic=${topicIds[1]}`);
    const clients = [...all, ...byActor, ...byTopic];
    await Promise.all(clients.map((client) => client.connected()));
    const before = await streamsHealth();
    expect(before.open).toBeGreaterThanOrEqual(24);
    await record(actorId, topicIds[0]);
    await record(actorId, topicIds[1], { stance: 'oppose' });
    await record(actorId, topicIds[1], { stance: 'support', statedAt: '2025-02-27' });
    const seen = await Promise.all(
      [...all, ...byActor].map(async (client) => {
        const texts: string[] = [];
        while (texts.length < 3) {
          const frames = await client.nextEvent();
          if (frames[0]?.event?.startsWith('Position'))
            texts.push(frames.map((frame) => frame.raw).join('\n\n'));
        }
        return texts;
      }),
    );
    for (const texts of seen) expect(texts).toEqual(seen[0]);
    expect(seen[0].map((text) => text.match(/^event: (.+)$/gm))).toEqual([
      ['event: PositionStated', 'event: stance.changed'],
      ['event: PositionStated', 'event: stance.changed'],
      ['event: PositionStated', 'event: stance.changed'],
    ]);
    const topicTexts = await Promise.all(byTopic.map((client) => client.events(2)));
    for (const texts of topicTexts) expect(texts).toEqual(topicTexts[0]);
    expect(topicTexts[0]).toEqual(seen[0].slice(1));
    const after = await streamsHealth();
    expect(after.follower.running).toBe(true);
    // Three events, whatever the number of streams: framed once each.
    expect(after.follower.eventsFramed - before.follower.eventsFramed).toBe(3);
    clients.forEach((client) => client.close());
    await eventually(async () => expect((await streamsHealth()).open).toBe(before.open - 24), 10_000);
  });

  it('catches a client up from an old Last-Event-ID while writes go on, then joins the live feed with no gap and no repeat', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 2);
    const live = await SseClient.open(port, `/v1/stream?actor=${actorId}`);
    await live.connected();
    const statements = Array.from({ length: 30 }, (_, index) => ({
      stance: ['support', 'oppose', 'hedged'][index % 3],
      statedAt: new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10),
    }));
    for (const statement of statements.slice(0, 12))
      await record(actorId, topicIds[statements.indexOf(statement) % 2], statement);
    const first = await live.events(12);
    const resumeAfter = /^id: (.+)$/m.exec(first[2])?.[1] as string;
    const writing = (async () => {
      for (const [index, statement] of statements.entries())
        if (index >= 12) await record(actorId, topicIds[index % 2], statement);
    })();
    const resumed = await SseClient.open(port, `/v1/stream?actor=${actorId}`, {
      'Last-Event-ID': resumeAfter,
    });
    await writing;
    const rest = await live.events(18);
    const caughtUp = await resumed.events(27);
    expect(caughtUp).toEqual([...first.slice(3), ...rest]);
    expect(resumed.pending()).toEqual([]);
    live.close();
    resumed.close();
  });
});

describe('limits on event streams (pglite)', () => {
  let app: TestApp;
  let port: number;
  beforeAll(async () => {
    app = await startTestApp('pglite', { SSE_MAX_STREAMS: '3', SSE_MAX_STREAMS_PER_CLIENT: '2' });
    await app.app.listen(0, '127.0.0.1');
    port = (app.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  const refusal = (client: SseClient) =>
    new Promise<{ status: number; body: { error: { code: string } } }>((resolve) => {
      let text = '';
      client.response?.setEncoding('utf8');
      client.response?.on('data', (chunk: string) => (text += chunk));
      client.response?.on('end', () => resolve({ status: client.status, body: JSON.parse(text) }));
    });

  it('caps streams per key or address (429) and per process (503), in the error shape, and frees a place on close', async () => {
    const first = await SseClient.open(port, '/v1/stream');
    const second = await SseClient.open(port, '/v1/stream');
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await refusal(await SseClient.open(port, '/v1/stream', {}, false));
    expect(third).toMatchObject({ status: 429, body: { error: { code: 'STREAM.TOO_MANY_FOR_CLIENT' } } });
    const keyed = await SseClient.open(port, '/v1/stream', bearer(READER_KEY));
    expect(keyed.status).toBe(200);
    const full = await refusal(await SseClient.open(port, '/v1/stream', bearer(ADMIN_KEY), false));
    expect(full).toMatchObject({ status: 503, body: { error: { code: 'STREAM.CAPACITY_REACHED' } } });
    first.close();
    await eventually(async () => {
      const again = await SseClient.open(port, '/v1/stream', bearer(ADMIN_KEY), false);
      expect(again.status).toBe(200);
      again.close();
    }, 10_000);
    [second, keyed].forEach((client) => client.close());
  });
});

/** The cost of an idle stream, counted where it would show: the scans of this schema's event log. */
describeIfPostgres('idle event streams (postgres)', () => {
  let app: TestApp;
  let port: number;
  beforeAll(async () => {
    app = await startTestApp('postgres', { SSE_MAX_STREAMS_PER_CLIENT: '200' });
    await app.app.listen(0, '127.0.0.1');
    port = (app.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  const scansOfTheLog = async (): Promise<number> => {
    const [row] = await app.sql.query<{ scans: string }>(
      `SELECT (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::text AS scans
       FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = 'events'`,
    );
    return Number(row.scans);
  };
  const scansOver = async (ms: number): Promise<number> => {
    const start = await scansOfTheLog();
    await new Promise((resolve) => setTimeout(resolve, ms));
    return (await scansOfTheLog()) - start;
  };

  it('adds no reads of the log for 150 more idle streams', async () => {
    const one = await SseClient.open(port, '/v1/stream');
    await one.connected();
    const withOne = await scansOver(3_000);
    const many = await Promise.all(Array.from({ length: 150 }, () => SseClient.open(port, '/v1/stream')));
    await Promise.all(many.map((client) => client.connected()));
    const withMany = await scansOver(3_000);
    // Per-stream polling would add 150 x 50 reads a second here; statistics are flushed about once a second.
    expect(withMany).toBeLessThan(withOne * 2 + 300);
    [one, ...many].forEach((client) => client.close());
  });
});
