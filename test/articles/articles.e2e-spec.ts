import {
  ADMIN_KEY,
  bearer,
  EDITOR_KEY,
  engines,
  READER_KEY,
  startTestApp,
  type TestApp,
} from '../support/test-app';

/** Articles of our own writing, in house styles the seed articles do not use (US wire style, straight quotes). */
const WIRE_STORY = `WASHINGTON (Wire) - Secretary of State Marco Rubio said on Tuesday that Russia bears full responsibility for the war and must end it.

"Russia is the aggressor in this war, and Russia can end it tomorrow by withdrawing its troops," Rubio told reporters at the State Department.

Officials said talks would continue next week.`;

const SECOND_OUTLET = `Rubio blames Moscow

America's top diplomat was blunt. ‘Russia is the aggressor in this war – and Russia can end it tomorrow by withdrawing its troops,’ Mr Rubio told reporters on Tuesday.`;

const UNKNOWN_SPEAKER = `Senators split on Ukraine aid

Senator Lindsey Graham said on Monday that sanctions on Russia must be tightened until the Kremlin ends the war.

"We will keep sanctions on Russia in place until Putin stops this war, and we will tighten them," Graham said.`;

type Quotation = {
  quotationId: string;
  quote: string;
  start: number;
  end: number;
  speaker: { kind: string; actorId: string; name: string } | null;
  topicId: string | null;
  stance: string | null;
  saidOn: string | null;
  confidence: number;
  disposition: { kind: string; positionId?: string; actorId?: string; reasons?: string[] };
  review: { status: string; reason: string | null } | null;
};

describe.each(engines().filter((engine) => engine !== 'kurrentdb'))(
  'articles and the review queue (%s)',
  (engine) => {
    let app: TestApp;

    beforeAll(async () => {
      // The default threshold (0.85) keeps the ledger's precision; this suite exercises recording at 0.75.
      app = await startTestApp(engine, { EXTRACTION_AUTO_RECORD_CONFIDENCE: '0.75' });
      await app
        .http()
        .post('/v1/admin/seeds/replay')
        .query({ wait: 'true' })
        .set(bearer(ADMIN_KEY))
        .expect(200);
      await app.projections.caughtUp();
    });
    afterAll(() => app.close());

    const post = (body: object, key = EDITOR_KEY) =>
      app.http().post('/v1/articles').set(bearer(key)).send(body);
    const eventCount = async () => {
      let count = 0;
      let cursor: string | null = null;
      for (;;) {
        const page = await app.store.readAll(cursor, 1000);
        if (page.events.length === 0) return count;
        count += page.events.length;
        cursor = page.next;
      }
    };

    it('stores an article, finds its quotation with a span into the original text, and records it', async () => {
      const { body, headers } = await post({
        text: WIRE_STORY,
        outlet: 'Wire',
        publishedOn: '2025-03-12',
      }).expect(201);
      expect(headers.location).toBe(`/v1/articles/${body.articleId}`);
      expect(body).toMatchObject({ outlet: 'Wire', publishedOn: '2025-03-12', text: WIRE_STORY });
      const quotations = body.quotations as Quotation[];
      const rubio = quotations.find((quotation) => quotation.quote.startsWith('Russia is the aggressor'));
      expect(rubio).toBeDefined();
      const found = rubio as Quotation;
      expect(WIRE_STORY.slice(found.start, found.end)).toMatch(/^"Russia is the aggressor[\s\S]*troops,"$/);
      expect(found.speaker).toMatchObject({ kind: 'actor', actorId: 'marco-rubio' });
      expect(found.saidOn).toBe('2025-03-11');
      expect(found.topicId).toBe('ukraine.war.russia-aggressor');
      expect(found.stance).toBe('support');
      expect(found.disposition.kind).toBe('recorded');

      await app.projections.caughtUp();
      const position = await app
        .http()
        .get(`/v1/actors/marco-rubio/positions/${found.disposition.positionId}`)
        .expect(200);
      expect(position.body).toMatchObject({
        topicId: 'ukraine.war.russia-aggressor',
        stance: 'support',
        evidenceType: 'direct-quote',
        statedAt: '2025-03-11T00:00:00.000Z',
      });
      expect(position.body.sources).toEqual([
        expect.objectContaining({
          outlet: 'Wire',
          articleId: body.articleId,
          span: { start: found.start, end: found.end },
          text: WIRE_STORY.slice(found.start, found.end),
        }),
      ]);

      const again = await app.http().get(`/v1/articles/${body.articleId}`).expect(200);
      expect(again.body.quotations).toEqual(body.quotations);
    });

    it('treats the same text posted twice as one article, and writes nothing the second time', async () => {
      const first = await post({ text: WIRE_STORY, outlet: 'Wire', publishedOn: '2025-03-12' });
      const before = await eventCount();
      const second = await post({ text: WIRE_STORY, outlet: 'Wire', publishedOn: '2025-03-12' }).expect(200);
      expect(second.body.articleId).toBe(first.body.articleId);
      expect(second.body.quotations).toEqual(first.body.quotations);
      expect(await eventCount()).toBe(before);
    });

    it('makes the same statement in another outlet, in another typography, one more source of the same position', async () => {
      const wire = (await post({ text: WIRE_STORY, outlet: 'Wire', publishedOn: '2025-03-12' })).body;
      const positionId = (wire.quotations as Quotation[]).find(
        (quotation) => quotation.disposition.kind === 'recorded',
      )?.disposition.positionId;
      const { body } = await post({
        text: SECOND_OUTLET,
        outlet: 'The Sketch',
        publishedOn: '2025-03-12',
      }).expect(201);
      const repeated = (body.quotations as Quotation[]).find((quotation) =>
        quotation.quote.includes('aggressor'),
      );
      expect(repeated?.disposition).toEqual({ kind: 'source-added', positionId, actorId: 'marco-rubio' });
      await app.projections.caughtUp();
      const position = await app.http().get(`/v1/actors/marco-rubio/positions/${positionId}`).expect(200);
      expect(position.body.sources.map((source: { outlet: string }) => source.outlet)).toEqual([
        'Wire',
        'The Sketch',
      ]);
    });

    describe('the review queue', () => {
      let queued: Quotation;
      let articleId: string;

      beforeAll(async () => {
        const { body } = await post({
          text: UNKNOWN_SPEAKER,
          outlet: 'Capitol Daily',
          publishedOn: '2025-06-03',
        }).expect(201);
        articleId = body.articleId;
        queued = (body.quotations as Quotation[]).find((quotation) =>
          quotation.quote.startsWith('We will keep'),
        ) as Quotation;
        await app.projections.caughtUp();
      });

      it('keeps a speaker the registry does not know as an actor candidate, waiting for an editor', async () => {
        expect(queued.speaker).toMatchObject({
          kind: 'candidate',
          actorId: 'lindsey-graham',
          name: 'Lindsey Graham',
        });
        expect(queued.disposition).toEqual({
          kind: 'review',
          reasons: expect.arrayContaining(['speaker-not-in-registry']),
        });
        expect(queued.review).toEqual({ status: 'pending', reason: null, reviewedAt: null });
        const { body } = await app.http().get('/v1/review').query({ articleId }).expect(200);
        expect(body.items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              quotationId: queued.quotationId,
              articleId,
              outlet: 'Capitol Daily',
              status: 'pending',
              speaker: { actorId: 'lindsey-graham', name: 'Lindsey Graham', kind: 'candidate' },
            }),
          ]),
        );
      });

      it('refuses an acceptance that names an unknown topic, and writes nothing (not even the candidate actor)', async () => {
        const before = await eventCount();
        const { body } = await app
          .http()
          .post(`/v1/review/${queued.quotationId}/accept`)
          .set(bearer(EDITOR_KEY))
          .send({ registerActor: true, topicId: 'no.such-topic', stance: 'support' })
          .expect(422);
        expect(body.error).toMatchObject({ code: 'TOPIC.UNKNOWN', details: { field: 'topicId' } });
        expect(await eventCount()).toBe(before);
        await app.http().get('/v1/actors/lindsey-graham').expect(404);
      });

      it('refuses malformed edits with the field and the rule', async () => {
        const { body } = await app
          .http()
          .post(`/v1/review/${queued.quotationId}/accept`)
          .set(bearer(EDITOR_KEY))
          .send({ stance: 'kind-of', saidOn: '3 June' })
          .expect(400);
        expect(body.error.code).toBe('REQUEST.VALIDATION_FAILED');
        expect(body.error.details).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ field: 'stance', rule: 'isIn' }),
            expect.objectContaining({ field: 'saidOn', rule: 'isDay' }),
          ]),
        );
      });

      it('accepts with edits: registers the candidate, records the position, and marks the quotation accepted', async () => {
        const { body } = await app
          .http()
          .post(`/v1/review/${queued.quotationId}/accept`)
          .set(bearer(EDITOR_KEY))
          .send({ registerActor: true, topicId: 'russia.sanctions', stance: 'support', saidOn: '2025-06-02' })
          .expect(200);
        expect(body).toMatchObject({
          quotationId: queued.quotationId,
          articleId,
          status: 'accepted',
          disposition: { kind: 'recorded', actorId: 'lindsey-graham' },
        });
        await app.projections.caughtUp();
        await app.http().get('/v1/actors/lindsey-graham').expect(200);
        const stance = await app
          .http()
          .get('/v1/actors/lindsey-graham/stances/russia.sanctions')
          .query({ at: '2025-06-10T00:00:00Z' })
          .expect(200);
        expect(stance.body).toMatchObject({ stance: 'support', statedAt: '2025-06-02T00:00:00.000Z' });
        const article = await app.http().get(`/v1/articles/${articleId}`).expect(200);
        expect(
          (article.body.quotations as Quotation[]).find((q) => q.quotationId === queued.quotationId),
        ).toMatchObject({
          disposition: body.disposition,
          review: { status: 'accepted' },
        });
        await app.projections.caughtUp();
        const pending = await app.http().get('/v1/review').query({ articleId }).expect(200);
        expect(pending.body.items.map((item: { quotationId: string }) => item.quotationId)).not.toContain(
          queued.quotationId,
        );
        const accepted = await app
          .http()
          .get('/v1/review')
          .query({ articleId, status: 'accepted' })
          .expect(200);
        expect(accepted.body.items).toEqual([
          expect.objectContaining({
            quotationId: queued.quotationId,
            positionId: body.disposition.positionId,
          }),
        ]);
      });

      it('refuses to decide a quotation twice', async () => {
        const { body } = await app
          .http()
          .post(`/v1/review/${queued.quotationId}/reject`)
          .set(bearer(EDITOR_KEY))
          .send({ reason: 'changed my mind' })
          .expect(409);
        expect(body.error.code).toBe('REVIEW.ALREADY_DECIDED');
      });

      it('answers 404 for a quotation that is not queued', async () => {
        const { body } = await app
          .http()
          .post('/v1/review/00000000-0000-4000-8000-000000000000/reject')
          .set(bearer(EDITOR_KEY))
          .send({ reason: 'x' })
          .expect(404);
        expect(body.error.code).toBe('REVIEW.NOT_FOUND');
      });
    });

    it('rejects a queued quotation with its reason, as an event, and lists it as rejected', async () => {
      const text = `An unnamed official offered a view.\n\n"Sanctions on Russia must stay until the war ends," the official said on Friday.`;
      const { body } = await post({ text, outlet: 'Desk', publishedOn: '2025-07-05' }).expect(201);
      const queued = (body.quotations as Quotation[]).find(
        (quotation) => quotation.disposition.kind === 'review',
      );
      expect(queued).toBeDefined();
      await app.projections.caughtUp();
      const rejected = await app
        .http()
        .post(`/v1/review/${queued?.quotationId}/reject`)
        .set(bearer(EDITOR_KEY))
        .send({ reason: 'No position on any topic' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', disposition: null });
      await app.projections.caughtUp();
      const { body: list } = await app
        .http()
        .get('/v1/review')
        .query({ status: 'rejected', articleId: body.articleId });
      expect(list.items).toEqual([
        expect.objectContaining({
          quotationId: queued?.quotationId,
          rejectionReason: 'No position on any topic',
        }),
      ]);
    });

    it('keeps a quotation that states no position on the article, out of the pending queue, and proposes a topic the taxonomy lacks', async () => {
      const text = [
        'Ethiopia inaugurates Nile dam',
        '',
        'ADDIS ABABA - Ethiopia on Tuesday inaugurated its giant Nile dam on the Blue Nile, the largest dam in Africa.',
        '',
        'Egyptian Foreign Minister Badr Abdelatty said the talks had been "long and tiring". "We will never accept a fait accompli on the Nile," he said.',
      ].join('\n');
      const { body } = await post({ text, outlet: 'Nile Wire', publishedOn: '2025-09-09' }).expect(201);
      const quotations = body.quotations as (Quotation & { proposedTopic: unknown })[];
      const described = quotations.find((quotation) => quotation.quote === 'long and tiring');
      const refused = quotations.find((quotation) => quotation.quote.startsWith('We will never accept'));
      expect(described).toMatchObject({ stance: 'no-position', disposition: { kind: 'no-position' } });
      expect(refused).toMatchObject({
        stance: 'oppose',
        topicId: null,
        proposedTopic: { id: expect.stringMatching(/^proposed\./) },
        disposition: { kind: 'review', reasons: expect.arrayContaining(['topic-proposed']) },
      });
      expect(body.counts).toMatchObject({ quotations: 2, noPosition: 1, inReview: 1, recorded: 0 });
      await app.projections.caughtUp();
      const pending = await app.http().get('/v1/review').query({ articleId: body.articleId }).expect(200);
      expect(pending.body.items.map((item: { quotationId: string }) => item.quotationId)).toEqual([
        refused?.quotationId,
      ]);
      const kept = await app
        .http()
        .get('/v1/review')
        .query({ articleId: body.articleId, status: 'no-position' })
        .expect(200);
      expect(kept.body.items).toEqual([
        expect.objectContaining({
          quotationId: described?.quotationId,
          status: 'no-position',
          stance: 'no-position',
        }),
      ]);
    });

    it('pages the review queue with opaque cursors, in a stable order and without repeats', async () => {
      await app.projections.caughtUp();
      const all = (await app.http().get('/v1/review').query({ status: 'all', limit: 500 }).expect(200)).body
        .items;
      expect(all.length).toBeGreaterThanOrEqual(2);
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const query: Record<string, string> = { status: 'all', limit: '1', ...(after ? { after } : {}) };
        const page = (await app.http().get('/v1/review').query(query).expect(200)).body;
        seen.push(...page.items.map((item: { quotationId: string }) => item.quotationId));
        after = page.next ?? undefined;
      } while (after);
      expect(seen).toEqual(all.map((item: { quotationId: string }) => item.quotationId));
      const bad = await app.http().get('/v1/review').query({ after: 'bm90LWEtY3Vyc29y' }).expect(400);
      expect(bad.body.error).toMatchObject({
        code: 'REQUEST.VALIDATION_FAILED',
        details: [{ field: 'after', rule: 'validCursor' }],
      });
    });

    it('refuses bad articles with the field and the rule, writing nothing', async () => {
      const before = await eventCount();
      const missingDay = await post({ text: 'Some text', outlet: 'Desk' }).expect(400);
      expect(missingDay.body.error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'publishedOn', rule: 'required' })]),
      );
      const badUrl = await post({
        text: 'Some text',
        outlet: 'Desk',
        publishedOn: '2025-01-01',
        url: 'ftp://x',
      }).expect(400);
      expect(badUrl.body.error.details).toEqual([expect.objectContaining({ field: 'url', rule: 'isUrl' })]);
      const empty = await post({ text: '', outlet: 'Desk', publishedAt: '2025-01-01T10:00:00Z' }).expect(400);
      expect(empty.body.error.details).toEqual([
        expect.objectContaining({ field: 'text', rule: 'isLength' }),
      ]);
      const unknownField = await post({
        text: 'x',
        outlet: 'Desk',
        publishedOn: '2025-01-01',
        author: 'me',
      }).expect(400);
      expect(unknownField.body.error.details).toEqual([expect.objectContaining({ field: 'author' })]);
      await post({ text: 'x', outlet: 'Desk', publishedOn: '2025-01-01' }, READER_KEY).expect(403);
      expect(await eventCount()).toBe(before);
      const missing = await app.http().get('/v1/articles/no-such-article').expect(404);
      expect(missing.body.error.code).toBe('ARTICLE.NOT_FOUND');
    });

    it('takes publishedAt as well as publishedOn, and keeps the day it falls on in UTC', async () => {
      const { body } = await post({
        text: `"We are ready to talk," Rubio said yesterday.`,
        outlet: 'Desk',
        publishedAt: '2025-04-02T23:30:00-02:00',
      }).expect(201);
      expect(body).toMatchObject({ publishedOn: '2025-04-03', publishedAt: '2025-04-03T01:30:00.000Z' });
    });
  },
);
