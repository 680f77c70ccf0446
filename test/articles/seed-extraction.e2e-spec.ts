import { loadSeeds } from '../../src/seeding/seed-files';
import { ADMIN_KEY, bearer, engines, startTestApp, type TestApp } from '../support/test-app';

type Comparison = {
  matched: { key: string; articleId: string; quotationId: string; disagreements: { field: string }[] }[];
  curatedOnly: { key: string; articleId: string }[];
  extractedOnly: { articleId: string; quotationId: string; speaker: string | null; quote: string }[];
};

/**
 * The five seed articles through the extraction pipeline, beside the curated positions: curation stays the
 * reviewed truth (nothing of it changes), and the replay reports where the two disagree.
 */
describe.each(engines().filter((engine) => engine !== 'kurrentdb'))(
  'seed articles through extraction (%s)',
  (engine) => {
    let app: TestApp;
    let replay: {
      result: {
        appended: number;
        unchanged: number;
        commands: number;
        extraction: {
          articles: number;
          quotations: number;
          summary: Record<string, number>;
          comparison: Comparison;
        };
      };
    };
    let curatedBefore: unknown[];

    const trumpAndStarmer = async () =>
      Promise.all(
        ['donald-trump', 'keir-starmer'].map(
          async (actorId) =>
            (
              await app
                .http()
                .get(`/v1/actors/${actorId}/stances`)
                .query({ at: '2025-03-01T00:00:00Z' })
                .expect(200)
            ).body,
        ),
      );

    beforeAll(async () => {
      app = await startTestApp(engine);
      await app
        .http()
        .post('/v1/admin/seeds/replay')
        .query({ wait: 'true' })
        .set(bearer(ADMIN_KEY))
        .expect(200);
      await app.projections.caughtUp();
      curatedBefore = await trumpAndStarmer();
      replay = (
        await app
          .http()
          .post('/v1/admin/seeds/replay')
          .query({ wait: 'true', articles: 'true' })
          .set(bearer(ADMIN_KEY))
          .expect(200)
      ).body;
      await app.projections.caughtUp();
    });
    afterAll(() => app.close());

    it('runs the five articles through extraction and accounts for every curated source', () => {
      const seeds = loadSeeds();
      const { extraction } = replay.result;
      expect(extraction.articles).toBe(5);
      const curatedSources = seeds.positions.reduce(
        (sum, position) => sum + position.statement.sources.length,
        0,
      );
      expect(extraction.comparison.matched.length + extraction.comparison.curatedOnly.length).toBe(
        curatedSources,
      );
      expect(extraction.summary.matched).toBe(extraction.comparison.matched.length);
      // Where the two disagree, printed for the editor (and the extractor's author) to read.
      // eslint-disable-next-line no-console -- the report is this test's output for its reader
      console.log(
        JSON.stringify(
          {
            summary: extraction.summary,
            disagreements: extraction.comparison.matched.filter((match) => match.disagreements.length > 0),
            curatedOnly: extraction.comparison.curatedOnly,
            extractedOnly: extraction.comparison.extractedOnly.map(({ speaker, quote }) => ({
              speaker,
              quote: quote.slice(0, 80),
            })),
          },
          null,
          2,
        ),
      );
      // Extraction finds most of the curated sources that are direct quotations (paraphrased sources have no quote
      // marks for it to find); its own quality is measured against the gold by npm run eval:extraction.
      const quoted = seeds.positions.flatMap(({ key, statement }) =>
        statement.evidenceType === 'direct-quote'
          ? statement.sources
              .filter((source) => /["“”‘’']/.test(source.text))
              .map((source) => `${key}@${source.articleId}`)
          : [],
      );
      const found = new Set(extraction.comparison.matched.map(({ key, articleId }) => `${key}@${articleId}`));
      expect(quoted.filter((source) => found.has(source)).length).toBeGreaterThanOrEqual(quoted.length * 0.8);
    });

    it('changes nothing the curated seeds say', async () => {
      const withoutKnownAt = (answers: unknown[]) =>
        answers.map((answer) => ({ ...(answer as object), knownAt: null }));
      expect(withoutKnownAt(await trumpAndStarmer())).toEqual(withoutKnownAt(curatedBefore));
    });

    it('links what curation already has, and queues the rest for an editor instead of recording it', async () => {
      const { comparison } = replay.result.extraction;
      for (const { articleId, quotationId } of comparison.matched) {
        const article = (await app.http().get(`/v1/articles/${articleId}`).expect(200)).body;
        const quotation = article.quotations.find(
          (item: { quotationId: string }) => item.quotationId === quotationId,
        );
        expect(['already-recorded', 'review', 'no-position']).toContain(quotation.disposition.kind);
      }
      const queue = (await app.http().get('/v1/review').query({ limit: 500 }).expect(200)).body.items;
      const queued = new Set(queue.map((item: { quotationId: string }) => item.quotationId));
      for (const { articleId, quotationId } of comparison.extractedOnly) {
        if (queued.has(quotationId)) continue;
        // Not queued only when it repeats, elsewhere in its article, a statement curation already cites from it, or
        // when it states no position (kept on the article as evidence, listed under status no-position).
        const article = (await app.http().get(`/v1/articles/${articleId}`).expect(200)).body;
        const quotation = article.quotations.find(
          (item: { quotationId: string }) => item.quotationId === quotationId,
        );
        expect(['already-recorded', 'no-position']).toContain(quotation.disposition.kind);
      }
      for (const item of queue)
        expect(item.reasons.some((reason: string) => reason.includes('curated-seeds'))).toBe(true);
    });

    it('appends nothing when the articles are replayed again', async () => {
      const again = (
        await app
          .http()
          .post('/v1/admin/seeds/replay')
          .query({ wait: 'true', articles: 'true' })
          .set(bearer(ADMIN_KEY))
          .expect(200)
      ).body;
      expect(again.result).toMatchObject({ appended: 0, unchanged: replay.result.commands });
      expect(again.result.extraction.comparison).toEqual(replay.result.extraction.comparison);
    });
  },
);
