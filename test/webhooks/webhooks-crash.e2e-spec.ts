import request from 'supertest';
import { migrate } from '../../src/infrastructure/database/migrator';
import { PgSqlClient } from '../../src/infrastructure/database/pg-sql-client';
import { type Instance, killAll, startInstance } from '../support/app-process';
import { freshSchemaName, skipReason, TEST_DATABASE_URL } from '../support/databases';
import { eventually } from '../support/eventually';
import { aPosition, uniqueId } from '../support/fixtures';
import { ADMIN_KEY, bearer } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

const describeWithServer = TEST_DATABASE_URL ? describe : describe.skip;
if (!TEST_DATABASE_URL) skipReason('Webhook crash', 'TEST_DATABASE_URL');

const ENV = {
  WEBHOOKS_ALLOW_CIDRS: '127.0.0.0/8',
  WEBHOOKS_RETRY_SCHEDULE: '0,200ms,400ms,800ms,1s,1s,1s,1s',
  WEBHOOKS_LEASE: '1s',
  WEBHOOKS_POLL_MS: '20',
  WEBHOOKS_CONCURRENCY: '4',
  PROJECTION_BATCH_SIZE: '5',
};

describeWithServer('webhooks across a SIGKILL of the service', () => {
  const schema = freshSchemaName();
  const sql = new PgSqlClient(TEST_DATABASE_URL as string, schema, 2);
  const receiver = new WebhookReceiver();
  const running: Instance[] = [];
  const port = 51_000 + Math.floor(Math.random() * 8_000);

  beforeAll(async () => {
    await migrate(sql, schema);
    await receiver.start();
    receiver.reply = () => ({ status: 200, delayMs: 60 });
  });

  afterAll(async () => {
    await killAll(running);
    await receiver.stop();
    await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.close();
  });

  const boot = async () => {
    const instance = startInstance(schema, port, ENV);
    running.push(instance);
    await eventually(() => request(instance.url).get('/health').expect(200), 90_000, 250);
    return instance;
  };

  it('loses no delivery when killed in the middle of them, and delivers each webhook-id after the restart', async () => {
    const first = await boot();
    const http = () => request(first.url);
    const endpoint = (
      await http()
        .post('/v1/webhooks/endpoints')
        .set(bearer(ADMIN_KEY))
        .send({ url: receiver.url, eventTypes: ['position.stated', 'stance.changed'] })
        .expect(201)
    ).body;
    const actorId = uniqueId('actor');
    const topicId = `crash.${uniqueId('topic')}`;
    await http()
      .post('/v1/actors')
      .set(bearer(ADMIN_KEY))
      .send({ id: actorId, name: 'Crash Actor', kind: 'person' })
      .expect(201);
    await http()
      .post('/v1/topics')
      .set(bearer(ADMIN_KEY))
      .send({ id: topicId, title: 'Crash', proposition: 'It survives' })
      .expect(201);
    const stances = ['support', 'oppose', 'hedged', 'no-comment'];
    for (let index = 0; index < 40; index++) {
      await http()
        .post(`/v1/actors/${actorId}/positions`)
        .set(bearer(ADMIN_KEY))
        .send(
          aPosition(topicId, {
            stance: stances[index % 4],
            quote: 'Words.',
            statedAt: `2025-01-${String((index % 28) + 1).padStart(2, '0')}`,
          }),
        )
        .expect(201);
    }
    await eventually(() => expect(receiver.received.length).toBeGreaterThanOrEqual(8), 30_000, 20);
    first.process.kill('SIGKILL');
    const before = receiver.received.length;

    await boot();
    const [{ expected }] = await eventually(
      async () => {
        const rows = await sql.query<{ expected: string; open: string }>(
          `SELECT count(*)::text AS expected, count(*) FILTER (WHERE status <> 'delivered')::text AS open
         FROM webhook_deliveries WHERE endpoint_id = $1`,
          [endpoint.id],
        );
        expect(Number(rows[0].expected)).toBeGreaterThanOrEqual(40);
        expect(rows[0].open).toBe('0');
        const [{ projected }] = await sql.query<{ projected: string }>(
          `SELECT count(*)::text AS projected FROM events WHERE event_type = 'PositionStated' AND stream_name = $1`,
          [`actor-${actorId}`],
        );
        expect(projected).toBe('40');
        return rows;
      },
      90_000,
      250,
    );

    const ids = await sql.query<{ message_id: string }>(
      'SELECT message_id FROM webhook_deliveries WHERE endpoint_id = $1',
      [endpoint.id],
    );
    expect(new Set(ids.map((row) => row.message_id))).toEqual(receiver.uniqueIds());
    expect(receiver.uniqueIds().size).toBe(Number(expected));
    expect(receiver.received.length).toBeGreaterThan(before);
    // At least once: what was in flight at the kill may arrive twice, always under the same webhook-id.
    expect(
      new Set(receiver.ofType('position.stated').map((received) => received.headers['webhook-id'])).size,
    ).toBe(40);
  });
});
