import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

type Frame = { event?: string; id?: string; data?: string; comment?: string };

/** A real HTTP client reading text/event-stream, frame by frame. */
class SseClient {
  private buffer = '';
  private readonly frames: Frame[] = [];
  private waiting: (() => void) | null = null;
  private request!: http.ClientRequest;
  status = 0;

  static open(port: number, path: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      client.request = http.get({ host: '127.0.0.1', port, path, headers }, (response) => {
        client.status = response.statusCode ?? 0;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => client.push(chunk));
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
      const frame: Frame = {};
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
    app = await startTestApp(engine);
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
});
