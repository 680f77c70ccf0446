import {
  aCorrection,
  aRecordPosition,
  aRetraction,
  aSourceAdded,
  aWithdrawal,
  statedFrom,
  T0,
} from '@domain/testing/position.builders';
import { WebhookOutboxProjector } from '../../src/webhooks/outbox/webhook-outbox.projector';
import { WebhookQueue } from '../../src/webhooks/outbox/webhook-queue';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/databases';
import { ProjectionSpec } from '../support/projection-spec';

jest.setTimeout(60_000);

const spec = ProjectionSpec.for(() => new WebhookOutboxProjector(new WebhookQueue()));
const T1 = '2025-02-28T12:00:00.000Z';
const stated = statedFrom(aRecordPosition({ positionId: 'p-1', recordedAt: T0 }));
const TOPIC = stated.data.topicId;
const ACTOR = stated.data.actorId;

const STATE = `SELECT position_id, actor_id, topic_id, stance, conditions, summary, stated_at, stated_revision::int,
  withdrawn_at, retracted FROM webhook_position_state ORDER BY position_id`;
const NOTICES = `SELECT event_type, actor_id, topic_id, payload->'data'->>'positionId' AS position_id,
  payload->'data'->'after'->>'stance' AS stance_after, created_at FROM webhook_messages ORDER BY source_position, event_type`;
const NOTICES_AT_T1 = NOTICES.replace('ORDER BY', `WHERE created_at = '${T1}' ORDER BY`);

const state = {
  position_id: 'p-1',
  actor_id: ACTOR,
  topic_id: TOPIC,
  stance: 'conditional-opposition',
  conditions: stated.data.conditions,
  summary: stated.data.summary,
  stated_at: new Date(stated.data.statedAt),
  stated_revision: 0,
  withdrawn_at: null,
  retracted: false,
};
const notice = (eventType: string, at: string, stanceAfter: string | null = null) => ({
  event_type: eventType,
  actor_id: ACTOR,
  topic_id: TOPIC,
  position_id: eventType === 'stance.changed' ? null : 'p-1',
  stance_after: stanceAfter,
  created_at: new Date(at),
});

describe('webhooks: each position event becomes its notice and any stance.changed, with the state to tell', () => {
  it('PositionStated: position.stated and stance.changed, and the position tracked', async () => {
    await spec.given().when(stated).then(STATE, [state]);
    await spec
      .given()
      .when(stated)
      .then(NOTICES, [notice('position.stated', T0), notice('stance.changed', T0, 'conditional-opposition')]);
  });

  it('PositionSourceAdded: no notice, nothing changes', () =>
    spec
      .given(stated)
      .when(aSourceAdded({ recordedAt: T1 }))
      .then(`SELECT count(*)::int AS notices FROM webhook_messages WHERE created_at = '${T1}'`, [
        { notices: 0 },
      ]));

  it('PositionWithdrawn: position.withdrawn, the stance no longer in force, the withdrawal tracked', async () => {
    const withdrawn = aWithdrawal({ recordedAt: T1 });
    await spec
      .given(stated)
      .when(withdrawn)
      .then(STATE, [{ ...state, withdrawn_at: new Date('2025-02-27T00:00:00.000Z') }]);
    await spec
      .given(stated)
      .when(withdrawn)
      .then(NOTICES_AT_T1, [notice('position.withdrawn', T1), notice('stance.changed', T1)]);
  });

  it('PositionCorrected: position.corrected and the new stance in force', async () => {
    const corrected = aCorrection({ recordedAt: T1 });
    await spec
      .given(stated)
      .when(corrected)
      .then(STATE, [{ ...state, stance: 'support' }]);
    await spec
      .given(stated)
      .when(corrected)
      .then(NOTICES_AT_T1, [notice('position.corrected', T1), notice('stance.changed', T1, 'support')]);
  });

  it('PositionRetracted: position.retracted and no stance left in force', async () => {
    const retracted = aRetraction({ recordedAt: T1 });
    await spec
      .given(stated)
      .when(retracted)
      .then(STATE, [{ ...state, retracted: true }]);
    await spec
      .given(stated)
      .when(retracted)
      .then(NOTICES_AT_T1, [notice('position.retracted', T1), notice('stance.changed', T1)]);
  });
});

describe.each(['pglite', ...(TEST_DATABASE_URL ? ['postgres' as const] : [])] as const)(
  'webhook queue on %s: a large batch stores each notice once',
  (engine) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
    });
    afterAll(() => database.close());

    const messages = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        messageId: `msg_${from + index}`,
        eventType: 'position.stated' as const,
        actorId: ACTOR,
        topicId: TOPIC,
        payload: { type: 'position.stated' as const, timestamp: T0, data: { n: from + index } },
        sourcePosition: String(from + index),
      }));
    const endpoint = {
      endpoint_id: '00000000-0000-4000-8000-000000000001',
      event_types: ['position.stated'],
      actors: null,
      topics: null,
    };

    it('copies a fresh batch whole, and a batch holding stored notices adds only the new ones', async () => {
      const queue = new WebhookQueue();
      const { sql } = database;
      await sql.exec(
        `INSERT INTO webhook_endpoints (endpoint_id, url, event_types, secret_ciphertext, created_at)
         VALUES ('${endpoint.endpoint_id}', 'https://example.org/hook', ARRAY['position.stated'], 'x', now())`,
      );
      expect(await sql.transaction((tx) => queue.enqueue(tx, messages(0, 300), [endpoint]))).toBe(300);
      // The same 300 again with 20 more, as a rebuild replays them: the copy fails on the stored ones, and the
      // careful path stores and delivers only the 20.
      expect(await sql.transaction((tx) => queue.enqueue(tx, messages(0, 320), [endpoint]))).toBe(20);
      const [counts] = await sql.query<{ messages: number; deliveries: number }>(
        `SELECT (SELECT count(*)::int FROM webhook_messages) AS messages,
                (SELECT count(*)::int FROM webhook_deliveries) AS deliveries`,
      );
      expect(counts).toEqual({ messages: 320, deliveries: 320 });
    });
  },
);
