import { QueryBus } from '@nestjs/cqrs';
import { actorStreamName, stanceAsOf, type StanceInForce } from '@domain/positions';
import { StanceAsOfQuery } from '../../src/positions/stance-as-of/stance-as-of.query';
import { StanceAsOfSql } from '../../src/positions/stance-as-of/stance-as-of.sql';
import { LiveStanceIndex, loadStanceIndex } from '../../src/positions/stance-index/live-stance-index';
import { StanceIndex } from '../../src/positions/stance-index/stance-index';
import { eventually } from '../support/eventually';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { generateHistory, seededRandom } from '../support/generated-positions';
import { bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

const metadata = { recordedBy: 'generator', correlationId: 'gen', causationId: 'gen' };

describe.each(engines())('stance as of, both times (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app.close());

  const post = (path: string, body: object) => app.http().post(path).set(bearer(EDITOR_KEY)).send(body);
  const stanceOn = (actorId: string, topicId: string, query: Record<string, string>) =>
    app.http().get(`/v1/actors/${actorId}/stances/${topicId}`).query(query);

  it('keeps every earlier knownAt answer while corrections, retractions and withdrawals change later ones', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    const [topic] = topicIds;
    const first = await post(
      `/v1/actors/${actorId}/positions`,
      aPosition(topic, { statedAt: '2025-02-20' }),
    ).expect(201);
    const p1 = first.body.positionId;
    const corrected = await post(`/v1/actors/${actorId}/positions/${p1}/correction`, {
      changes: { stance: 'oppose', summary: 'Opposes it' },
      reason: 'we misread the quote',
    }).expect(201);
    const second = await post(
      `/v1/actors/${actorId}/positions`,
      aPosition(topic, { statedAt: '2025-02-25', stance: 'hedged' }),
    ).expect(201);
    const retracted = await post(`/v1/actors/${actorId}/positions/${second.body.positionId}/retraction`, {
      reason: 'misattributed',
    }).expect(201);
    await post(`/v1/actors/${actorId}/positions/${p1}/withdrawal`, {
      effectiveAt: '2025-03-10T00:00:00Z',
      reason: 'walked back',
    }).expect(201);
    await eventually(() => app.projections.caughtUp());

    const at = '2025-03-01T00:00:00Z';
    const read = async (query: Record<string, string>) =>
      (await stanceOn(actorId, topic, query).expect(200)).body;
    expect(await read({ at, knownAt: first.body.recordedAt })).toMatchObject({
      positionId: p1,
      stance: 'support',
    });
    expect(await read({ at, knownAt: corrected.body.recordedAt })).toMatchObject({
      positionId: p1,
      stance: 'oppose',
    });
    expect(await read({ at, knownAt: second.body.recordedAt })).toMatchObject({
      positionId: second.body.positionId,
      stance: 'hedged',
    });
    expect(await read({ at, knownAt: retracted.body.recordedAt })).toMatchObject({
      positionId: p1,
      stance: 'oppose',
    });
    expect(await read({ at: '2025-03-09T23:59:59Z' })).toMatchObject({ positionId: p1 });
    const ended = await stanceOn(actorId, topic, { at: '2025-03-10T00:00:00Z' }).expect(404);
    expect(ended.body.error.code).toBe('STANCE.NOT_IN_FORCE');
    const before = await stanceOn(actorId, topic, { at: '2025-02-19T23:59:59Z' }).expect(404);
    expect(before.body.error.details).toMatchObject({ actorId, topicId: topic });

    const history = (await app.http().get(`/v1/actors/${actorId}/stances/${topic}/history`).expect(200)).body;
    expect(history.entries.map((entry: { change: string }) => entry.change)).toEqual([
      'stated',
      'corrected',
      'stated',
      'retracted',
      'withdrawn',
    ]);
    expect(history.entries[0]).toMatchObject({
      stance: 'support',
      recordedFrom: first.body.recordedAt,
      recordedTo: corrected.body.recordedAt,
    });
    const asKnownThen = (
      await app
        .http()
        .get(`/v1/actors/${actorId}/stances/${topic}/history`)
        .query({ knownAt: first.body.recordedAt })
        .expect(200)
    ).body;
    expect(asKnownThen.entries).toHaveLength(1);
    expect(asKnownThen.entries[0].recordedTo).toBeNull();

    const everyone = (await app.http().get(`/v1/topics/${topic}/stances`).query({ at }).expect(200)).body;
    expect(everyone.stances).toEqual([
      expect.objectContaining({ actorId, positionId: p1, stance: 'oppose' }),
    ]);
  });

  it('validates at and knownAt, and 404s unknown actors and topics', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    const bad = await app.http().get(`/v1/actors/${actorId}/stances`).query({ at: 'yesterday' }).expect(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'at', rule: 'isTimestamp' })]);
    expect((await app.http().get('/v1/actors/no-such-actor/stances').expect(404)).body.error.code).toBe(
      'ACTOR.NOT_FOUND',
    );
    expect(
      (await app.http().get(`/v1/actors/${actorId}/stances/no.such-topic`).expect(404)).body.error.code,
    ).toBe('TOPIC.NOT_FOUND');
    expect(
      (await app.http().get(`/v1/actors/${actorId}/stances/${topicIds[0]}`).expect(404)).body.error.code,
    ).toBe('STANCE.NOT_IN_FORCE');
  });

  it('answers in SQL and from the stance index exactly what the pure stanceAsOf answers, over generated histories at random times', async () => {
    const random = seededRandom(20250226);
    const topics = ['gen.alpha', 'gen.beta', 'gen.gamma', 'gen.delta', 'gen.epsilon'];
    const start = Date.parse('2025-01-01T00:00:00Z');
    const run = Math.floor(random() * 1e9).toString(36);
    const histories = Array.from({ length: 12 }, (_, index) =>
      generateHistory(`gen-${run}-${index}`, topics, 420, random, start),
    );
    for (const history of histories) {
      const stream = actorStreamName(history.actorId);
      const [registered] = history.events;
      await app.store.append(
        stream,
        [
          {
            id: crypto.randomUUID(),
            type: registered.type,
            schemaVersion: 1,
            data: registered.data,
            metadata,
          },
        ],
        {
          expectedRevision: 'no-stream',
          recordedAt: new Date(start),
        },
      );
      for (const write of history.writes) {
        await app.store.append(
          stream,
          write.map((event) => ({
            id: crypto.randomUUID(),
            type: event.type,
            schemaVersion: 1,
            data: event.data,
            metadata,
          })),
          { expectedRevision: 'any', recordedAt: new Date(write[0].data.recordedAt) },
        );
      }
    }
    const positions = histories.reduce(
      (sum, history) => sum + history.writes.filter(([event]) => event.type === 'PositionStated').length,
      0,
    );
    expect(positions).toBeGreaterThan(2500);
    await app.projections.caughtUp(120_000);

    const queries = app.app.get(QueryBus);
    const sqlReader = app.app.get(StanceAsOfSql);
    const index = app.app.get(LiveStanceIndex);
    const end = Math.max(
      ...histories.map((history) =>
        Date.parse((history.events.at(-1)?.data as { recordedAt: string }).recordedAt),
      ),
    );
    const instants = (history: (typeof histories)[number]) =>
      history.writes.flatMap((write) =>
        write.flatMap(
          (event) =>
            [event.data.recordedAt, (event.data as { statedAt?: string }).statedAt].filter(
              Boolean,
            ) as string[],
        ),
      );
    const randomTime = (from: number, to: number) => new Date(from + Math.floor(random() * (to - from)));
    let compared = 0;
    let nonEmpty = 0;
    for (let round = 0; round < 400; round++) {
      const history = histories[round % histories.length];
      const edges = instants(history);
      const at =
        random() < 0.3
          ? new Date(edges[Math.floor(random() * edges.length)])
          : randomTime(start - 90 * 86_400_000, end + 86_400_000);
      const knownAt =
        random() < 0.3
          ? new Date(edges[Math.floor(random() * edges.length)])
          : randomTime(start, end + 86_400_000);
      const expected = stanceAsOf(history.events, { at, knownAt });
      const actual: StanceInForce[] = await queries.execute(
        new StanceAsOfQuery(history.actorId, at, knownAt),
      );
      const fromSql = await sqlReader.stancesOf(history.actorId, { at, knownAt });
      const fromIndex = index.stancesOf(history.actorId, { at, knownAt });
      expect({ at, knownAt, stances: actual }).toEqual({ at, knownAt, stances: expected });
      expect({ at, knownAt, stances: fromSql }).toEqual({ at, knownAt, stances: expected });
      expect({ at, knownAt, stances: fromIndex }).toEqual({ at, knownAt, stances: expected });
      compared += 1;
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(compared).toBe(400);
    expect(nonEmpty).toBeGreaterThan(200);

    // The index as the service loads it at boot (readAllOf's position events), against the live one, which followed
    // the same log as readAll hands it over: the same bytes for every actor at every instant of its history.
    const loaded = new StanceIndex();
    await loadStanceIndex(app.store, loaded, { after: null, appliedInPage: 0 }, () => undefined);
    loaded.compact();
    const text = (stances: Uint8Array[] | null) => stances?.map((stance) => Buffer.from(stance).toString());
    let answers = 0;
    for (const history of histories) {
      const edges = instants(history).filter((_, at) => at % 7 === 0);
      for (const at of edges)
        for (const knownAt of [edges[Math.floor(random() * edges.length)], new Date(end + 1).toISOString()]) {
          const asOf = { at: new Date(at), knownAt: new Date(knownAt) };
          const live = text(index.renderedStancesOf(history.actorId, asOf));
          expect(text(loaded.renderedStancesOf(history.actorId, asOf))).toEqual(live);
          answers += live?.length ?? 0;
        }
    }
    expect(answers).toBeGreaterThan(1000);
  });
});
