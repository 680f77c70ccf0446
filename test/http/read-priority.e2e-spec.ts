import type { AddressInfo } from 'node:net';
import { describeIfPostgres } from '../support/databases';
import { eventually } from '../support/eventually';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { EDITOR_KEY, startTestApp, type TestApp } from '../support/test-app';
import { openSocket, readResponse } from './raw-http';

const READS = 200;

// On PGlite a read runs to its end in one turn of the loop (the database answers in-process), so reads never pile
// up there; on a server they wait on the network, and a burst of them is what the gate holds back.
describeIfPostgres('reads wait their turn, writes do not (postgres)', () => {
  let app: TestApp;
  let base: string;
  let port: number;
  beforeAll(async () => {
    app = await startTestApp('postgres', { HTTP_READ_CONCURRENCY: '1' });
    await app.app.listen(0, '127.0.0.1');
    port = (app.app.getHttpServer().address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => app.close());

  const health = async () =>
    (
      (await (await fetch(`${base}/health`)).json()) as {
        reads: { limit: number; running: number; waiting: number };
      }
    ).reads;

  it('answers a write sent behind a burst of reads before most of them, then every read in turn', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app);
    // Every request is in the server's socket buffers before it parses any: one turn of its loop takes them all.
    const readers = await Promise.all(Array.from({ length: READS }, () => openSocket(port)));
    const writer = await openSocket(port);
    const order: string[] = [];
    const reads = readers.map((socket) =>
      readResponse(socket).then((response) => {
        order.push('read');
        return response?.status;
      }),
    );
    const write = readResponse(writer).then((response) => {
      order.push('write');
      return response?.status;
    });
    const get = `GET /v1/topics/${topicIds[0]}/stances?at=2025-03-01T00:00:00Z HTTP/1.1\r\nHost: localhost\r\n\r\n`;
    const body = JSON.stringify(aPosition(topicIds[1]));
    for (const socket of readers) socket.write(get);
    writer.write(
      `POST /v1/actors/${actorId}/positions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${EDITOR_KEY}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(await write).toBe(201);
    // One read runs at a time and the write never waits for a turn: it is not answered after the burst.
    expect(order.indexOf('write')).toBeLessThan(READS / 2);
    expect((await Promise.all(reads)).filter((status) => status !== 200)).toEqual([]);
    [...readers, writer].forEach((socket) => socket.destroy());
    await eventually(async () => expect(await health()).toEqual({ limit: 1, running: 0, waiting: 0 }));
  });

  it('gives back the turn of a read whose client goes away, waiting or running', async () => {
    const { actorId } = await givenActorAndTopics(app);
    const controllers = Array.from({ length: 60 }, () => new AbortController());
    const reads = controllers.map((controller, index) => {
      if (index % 3 === 0) setTimeout(() => controller.abort(), index % 2);
      return fetch(`${base}/v1/actors/${actorId}/stances`, { signal: controller.signal }).then(
        (response) => response.status,
        () => 'aborted' as const,
      );
    });
    const outcomes = await Promise.all(reads);
    expect(outcomes.filter((outcome) => outcome !== 200 && outcome !== 'aborted')).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 200).length).toBeGreaterThan(0);
    // Nothing is left holding or awaiting a turn, and reads still run.
    await eventually(async () => expect(await health()).toEqual({ limit: 1, running: 0, waiting: 0 }));
    expect((await fetch(`${base}/v1/actors/${actorId}/stances`)).status).toBe(200);
  });
});
