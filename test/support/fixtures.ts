import { randomBytes } from 'node:crypto';
import { ADMIN_KEY, bearer, EDITOR_KEY, type TestApp } from './test-app';

export const uniqueId = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * Registers a fresh actor and topics over HTTP: every test gets ids of its own instead of a truncate.
 * Returns once the catalogue projection has them, since reads 404 an actor or topic it has not seen yet.
 */
export const givenActorAndTopics = async (app: TestApp, topicCount = 2) => {
  const actorId = uniqueId('actor');
  const topicIds = Array.from({ length: topicCount }, (_, index) => `test.${uniqueId(`topic${index}`)}`);
  await app
    .http()
    .post('/v1/actors')
    .set(bearer(EDITOR_KEY))
    .send({
      id: actorId,
      name: `Actor ${actorId}`,
      kind: 'person',
      aliases: ['The Actor'],
      roles: [{ title: 'Minister', organisation: 'Testland', from: '2024-01-01' }],
    })
    .expect(201);
  for (const topicId of topicIds) {
    await app
      .http()
      .post('/v1/topics')
      .set(bearer(ADMIN_KEY))
      .send({ id: topicId, title: `Topic ${topicId}`, proposition: `Testland should do ${topicId}` })
      .expect(201);
  }
  await app.projections.caughtUp();
  return { actorId, topicIds };
};

export const aPosition = (topicId: string, overrides: Record<string, unknown> = {}) => ({
  topicId,
  stance: 'support',
  summary: 'Backs it',
  quote: 'We back it fully.',
  evidenceType: 'direct-quote',
  statedAt: '2025-02-26',
  confidence: 0.9,
  sources: [
    {
      outlet: 'BBC News',
      articleId: uniqueId('article'),
      publishedOn: '2025-02-26',
      text: '“We back it fully,” she said.',
      span: { start: 10, end: 40 },
    },
  ],
  ...overrides,
});
