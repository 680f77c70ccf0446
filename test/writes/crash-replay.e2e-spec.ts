import request from 'supertest';
import { migrate } from '../../src/infrastructure/database/migrator';
import { PgSqlClient } from '../../src/infrastructure/database/pg-sql-client';
import { type Instance, killAll, startInstance } from '../support/app-process';
import { freshSchemaName, skipReason, TEST_DATABASE_URL } from '../support/databases';
import { eventually } from '../support/eventually';
import { aPosition, uniqueId } from '../support/fixtures';
import { ADMIN_KEY, bearer } from '../support/test-app';

const describeWithServer = TEST_DATABASE_URL ? describe : describe.skip;
if (!TEST_DATABASE_URL) skipReason('Crash replay', 'TEST_DATABASE_URL');

describeWithServer('a write in flight at a SIGKILL, retried after the restart', () => {
  const schema = freshSchemaName();
  const sql = new PgSqlClient(TEST_DATABASE_URL as string, schema, 3);
  const running: Instance[] = [];
  const port = 51_000 + Math.floor(Math.random() * 8_000);

  beforeAll(() => migrate(sql, schema));
  afterAll(async () => {
    await killAll(running);
    await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.close();
  });

  const boot = async () => {
    const instance = startInstance(schema, port);
    running.push(instance);
    await eventually(() => request(instance.url).get('/health').expect(200), 90_000, 250);
    return instance;
  };
  const statedEvents = (actorId: string) =>
    sql.query<{ revision: string; recorded_at: Date; position_id: string }>(
      `SELECT stream_revision::text AS revision, recorded_at, data ->> 'positionId' AS position_id
       FROM events WHERE stream_name = $1 AND event_type = 'PositionStated'`,
      [`actor-${actorId}`],
    );

  it('answers the original 201 and body, as a replay, and stores the position once', async () => {
    const first = await boot();
    const actorId = uniqueId('actor');
    const topicId = `crash.${uniqueId('topic')}`;
    await request(first.url)
      .post('/v1/actors')
      .set(bearer(ADMIN_KEY))
      .send({ id: actorId, name: 'Crash Actor', kind: 'person' })
      .expect(201);
    await request(first.url)
      .post('/v1/topics')
      .set(bearer(ADMIN_KEY))
      .send({ id: topicId, title: 'Crash', proposition: 'It survives' })
      .expect(201);
    await eventually(() => request(first.url).get(`/v1/topics/${topicId}`).expect(200));

    // A SHARE lock lets the interceptor look the key up and holds back its INSERT of the answer: the process
    // appends the events, then waits there, and is killed there.
    let release = () => undefined as void;
    let holder = 0;
    const holding = new Promise<void>((locked) => {
      void sql.transaction(async (tx) => {
        await tx.query('LOCK TABLE idempotency_keys IN SHARE MODE');
        [{ pid: holder }] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      });
    });
    await holding;
    const path = `/v1/actors/${actorId}/positions`;
    const headers = { ...bearer(ADMIN_KEY), 'Idempotency-Key': `crash-${actorId}` };
    const body = aPosition(topicId);
    const inFlight = request(first.url)
      .post(path)
      .set(headers)
      .send(body)
      .then(
        (response) => response.status,
        (error: Error) => error.message,
      );
    const waiting = async () =>
      sql.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))', [
        holder,
      ]);
    await eventually(async () => {
      expect(await statedEvents(actorId)).toHaveLength(1);
      expect(await waiting()).toHaveLength(1);
    });
    await killAll([first]);
    // The kernel closed the dead process's sockets, but a backend waiting on a lock reads none until it gets it.
    await sql.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))',
      [holder],
    );
    release();
    expect(await inFlight).not.toBe(201);
    expect(await sql.query('SELECT 1 FROM idempotency_keys')).toHaveLength(0);

    const second = await boot();
    const retried = await request(second.url).post(path).set(headers).send(body).expect(201);
    const [stated] = await statedEvents(actorId);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual({
      positionId: stated.position_id,
      revision: stated.revision,
      recordedAt: new Date(stated.recorded_at).toISOString(),
    });
    expect(await statedEvents(actorId)).toHaveLength(1);
    const again = await request(second.url).post(path).set(headers).send(body).expect(201);
    expect(again.body).toEqual(retried.body);
  });
});
