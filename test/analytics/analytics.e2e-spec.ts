import { ADMIN_KEY, bearer, EDITOR_KEY, engines, startTestApp, type TestApp } from '../support/test-app';

const EXPORT_COLUMNS = [
  'actorId',
  'topicId',
  'positionId',
  'stance',
  'score',
  'conditions',
  'summary',
  'quote',
  'evidenceType',
  'statedAt',
  'statedAtPrecision',
  'confidence',
  'recordedAt',
  'outlets',
  'sourceCount',
  'cameoCode',
  'goldstein',
];

type Page<T> = { items: T[]; next: string | null };

/** The seeds are known from their articles' publication days, the first on 26 February 2025. */
const SEEDS_FIRST_KNOWN = '2025-02-25T23:59:59Z';

// A KurrentDB server keeps its streams between runs; these facts need a store the seeds have never reached.
describe.each(engines().filter((engine) => engine !== 'kurrentdb'))(
  'stance analytics on the seeds (%s)',
  (engine) => {
    let app: TestApp;
    let afterSeeds: string;

    beforeAll(async () => {
      app = await startTestApp(engine);
      await app
        .http()
        .post('/v1/admin/seeds/replay')
        .query({ wait: 'true' })
        .set(bearer(ADMIN_KEY))
        .expect(200);
      await app.projections.caughtUp();
      await new Promise((resolve) => setTimeout(resolve, 5));
      afterSeeds = new Date().toISOString();
    });
    afterAll(() => app.close());

    const get = (path: string, query: Record<string, string | number> = {}) =>
      app.http().get(path).query(query);

    /** Follows `next` to the end with a small page size, and checks each page came in order, without repeats. */
    const allPages = async <T>(path: string, query: Record<string, string | number>, limit = 2) => {
      const items: T[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: Page<T> = (await get(path, { ...query, limit, ...(after ? { after } : {}) }).expect(200))
          .body;
        expect(page.items.length).toBeLessThanOrEqual(limit);
        items.push(...page.items);
        after = page.next;
        if (after) expect(after).toMatch(/^[A-Za-z0-9_-]+$/);
        pages += 1;
      } while (after && pages < 500);
      return { items, pages };
    };

    const violation = (body: { error: { code: string; details: { field: string; rule: string }[] } }) => {
      expect(body.error.code).toBe('REQUEST.VALIDATION_FAILED');
      return body.error.details.map(({ field, rule }) => [field, rule]);
    };

    describe('GET /v1/compare', () => {
      it('has Starmer and Trump opposing each other on ukraine.security-guarantees.us as of 2025-02-27', async () => {
        const { body } = await get('/v1/compare', {
          actors: 'keir-starmer,donald-trump',
          at: '2025-02-27T12:00:00Z',
          knownAt: afterSeeds,
        }).expect(200);
        const guarantees = body.items.find(
          (topic: { topicId: string }) => topic.topicId === 'ukraine.security-guarantees.us',
        );
        expect(guarantees).toMatchObject({
          agreement: 'oppose',
          distance: 1.5,
          stances: [
            { actorId: 'keir-starmer', stance: { stance: 'support', score: 1 } },
            { actorId: 'donald-trump', stance: { stance: 'conditional-opposition', score: -0.5 } },
          ],
        });
        const distances = body.items.map((topic: { distance: number }) => topic.distance);
        expect(distances).toEqual([...distances].sort((a, b) => b - a));
        const stateVisit = body.items.find(
          (topic: { topicId: string }) => topic.topicId === 'uk-us.state-visit',
        );
        expect(stateVisit).toMatchObject({
          agreement: 'hedged-or-silent',
          stances: [{ actorId: 'keir-starmer' }, { actorId: 'donald-trump', stance: null }],
        });
      });

      it('pages through the same topics in the same order, without duplicates', async () => {
        const query = {
          actors: 'keir-starmer,donald-trump,volodymyr-zelensky',
          at: '2025-02-27T12:00:00Z',
          knownAt: afterSeeds,
        };
        const whole = (await get('/v1/compare', query).expect(200)).body.items;
        const { items, pages } = await allPages<{ topicId: string }>('/v1/compare', query);
        expect(pages).toBeGreaterThan(2);
        expect(items.map((topic) => topic.topicId)).toEqual(
          whole.map((topic: { topicId: string }) => topic.topicId),
        );
        expect(new Set(items.map((topic) => topic.topicId)).size).toBe(items.length);
      });

      it('refuses fewer than two actors, a bad cursor, and names an unknown actor', async () => {
        const one = await get('/v1/compare', { actors: 'keir-starmer' }).expect(400);
        expect(violation(one.body)).toContainEqual(['actors', 'arrayMinSize']);
        const missing = await get('/v1/compare').expect(400);
        expect(violation(missing.body).map(([field]) => field)).toContain('actors');
        const cursor = await get('/v1/compare', {
          actors: 'keir-starmer,donald-trump',
          after: 'bm90LWEtY3Vyc29y',
        }).expect(400);
        expect(violation(cursor.body)).toEqual([['after', 'validCursor']]);
        const unknown = await get('/v1/compare', { actors: 'keir-starmer,nobody-at-all' }).expect(404);
        expect(unknown.body.error).toMatchObject({
          code: 'ACTOR.NOT_FOUND',
          details: { actorId: 'nobody-at-all' },
        });
      });
    });

    describe('GET /v1/actors/:actorId/shifts', () => {
      it('has Trump’s stance on ukraine.zelensky-legitimacy in force by 2025-02-20, from the "dictator" remark', async () => {
        const { body } = await get('/v1/actors/donald-trump/shifts', {
          topic: 'ukraine.zelensky-legitimacy',
        }).expect(200);
        expect(body.items).toHaveLength(1);
        const [shift] = body.items;
        expect(Date.parse(shift.validAt)).toBeLessThanOrEqual(Date.parse('2025-02-20T00:00:00Z'));
        expect(shift).toMatchObject({
          topicId: 'ukraine.zelensky-legitimacy',
          cause: 'stated',
          before: null,
          after: { stance: 'oppose', summary: expect.stringContaining('dictator') },
          rating: 'engagement-change',
          override: null,
        });
        const compared = (
          await get('/v1/compare', {
            actors: 'donald-trump,keir-starmer',
            at: '2025-02-20T12:00:00Z',
          }).expect(200)
        ).body.items;
        expect(compared).toContainEqual(
          expect.objectContaining({
            topicId: 'ukraine.zelensky-legitimacy',
            agreement: 'hedged-or-silent',
            stances: [
              { actorId: 'donald-trump', stance: expect.objectContaining({ stance: 'oppose' }) },
              { actorId: 'keir-starmer', stance: null },
            ],
          }),
        );
      });

      it('lists each change of Starmer’s stances with before, after and the flip rating, a page at a time', async () => {
        const whole = (await get('/v1/actors/keir-starmer/shifts', { knownAt: afterSeeds }).expect(200)).body
          .items;
        const aid = whole.filter((shift: { topicId: string }) => shift.topicId === 'aid.overseas.uk');
        expect(
          aid.map(
            (shift: { before: { stance: string } | null; after: { stance: string }; rating: string }) => [
              shift.before?.stance ?? null,
              shift.after.stance,
              shift.rating,
            ],
          ),
        ).toEqual([
          [null, 'conditional-opposition', 'engagement-change'],
          ['conditional-opposition', 'conditional-opposition', 'half-flip'],
        ]);
        const { items, pages } = await allPages<{ shiftId: string }>('/v1/actors/keir-starmer/shifts', {
          knownAt: afterSeeds,
        });
        expect(pages).toBeGreaterThan(2);
        expect(items).toEqual(whole);
        expect(new Set(items.map((shift) => shift.shiftId)).size).toBe(items.length);
        const inWindow = (
          await get('/v1/actors/keir-starmer/shifts', {
            from: '2025-02-25T00:00:00Z',
            to: '2025-02-27T00:00:00Z',
          }).expect(200)
        ).body.items;
        expect(inWindow.length).toBeGreaterThan(0);
        for (const shift of inWindow) expect(shift.validAt.slice(0, 10)).toBe('2025-02-26');
      });

      it('answers 404 for an unknown actor and 400 naming a bad parameter', async () => {
        const unknown = await get('/v1/actors/nobody-at-all/shifts').expect(404);
        expect(unknown.body.error.code).toBe('ACTOR.NOT_FOUND');
        const bad = await get('/v1/actors/donald-trump/shifts', { knownAt: 'yesterday' }).expect(400);
        expect(violation(bad.body)).toEqual([['knownAt', 'isTimestamp']]);
      });

      it("records an editor's override of a rating as an event, shown from its record time on", async () => {
        const [shift] = (
          await get('/v1/actors/donald-trump/shifts', { topic: 'ukraine.security-guarantees.us' }).expect(200)
        ).body.items;
        const path = `/v1/actors/donald-trump/shifts/${shift.shiftId}/rating`;
        await app.http().post(path).send({ rating: 'half-flip', reason: 'x' }).expect(401);
        const bad = await app
          .http()
          .post(path)
          .set(bearer(EDITOR_KEY))
          .send({ rating: 'flip-flop', reason: 'x' })
          .expect(400);
        expect(violation(bad.body)).toEqual([['rating', 'isIn']]);
        const unknownShift = await app
          .http()
          .post('/v1/actors/donald-trump/shifts/ukraine.nato-membership~none~nothing/rating')
          .set(bearer(EDITOR_KEY))
          .send({ rating: 'half-flip', reason: 'x' })
          .expect(404);
        expect(unknownShift.body.error).toMatchObject({
          code: 'SHIFT.NOT_FOUND',
          details: { field: 'shiftId' },
        });
        const rated = await app
          .http()
          .post(path)
          .set(bearer(EDITOR_KEY))
          .send({ rating: 'half-flip', reason: 'conditioned on Europe providing guarantees' })
          .expect(201);
        expect(rated.body).toMatchObject({
          actorId: 'donald-trump',
          shiftId: shift.shiftId,
          rating: 'half-flip',
        });
        const events = await app.store.readStream('actor-donald-trump');
        expect(events.at(-1)).toMatchObject({
          type: 'ShiftRatingOverridden',
          data: { shiftId: shift.shiftId, topicId: 'ukraine.security-guarantees.us', rating: 'half-flip' },
        });
        const [now] = (
          await get('/v1/actors/donald-trump/shifts', { topic: 'ukraine.security-guarantees.us' }).expect(200)
        ).body.items;
        expect(now).toMatchObject({
          rating: shift.rating,
          override: {
            rating: 'half-flip',
            reason: 'conditioned on Europe providing guarantees',
            recordedAt: rated.body.recordedAt,
          },
        });
        const [before] = (
          await get('/v1/actors/donald-trump/shifts', {
            topic: 'ukraine.security-guarantees.us',
            knownAt: afterSeeds,
          }).expect(200)
        ).body.items;
        expect(before.override).toBeNull();
      });
    });

    describe('GET /v1/changes', () => {
      it('lists what changed in force between two valid times, a page at a time', async () => {
        const query = { from: '2025-02-20T00:00:00Z', to: '2025-02-27T00:00:00Z', knownAt: afterSeeds };
        const whole = (await get('/v1/changes', query).expect(200)).body.items;
        expect(whole).toContainEqual(
          expect.objectContaining({
            actorId: 'donald-trump',
            topicId: 'ukraine.security-guarantees.us',
            kind: 'started',
            before: null,
            after: expect.objectContaining({ stance: 'conditional-opposition' }),
            rating: 'engagement-change',
          }),
        );
        expect(whole).not.toContainEqual(
          expect.objectContaining({ actorId: 'donald-trump', topicId: 'ukraine.zelensky-legitimacy' }),
        );
        const { items, pages } = await allPages('/v1/changes', query, 4);
        expect(pages).toBeGreaterThan(2);
        expect(items).toEqual(whole);
        const trumpOnly = (
          await get('/v1/changes', { ...query, actor: 'donald-trump', topic: 'ukraine' }).expect(200)
        ).body.items;
        expect(trumpOnly.length).toBeGreaterThan(0);
        for (const change of trumpOnly) {
          expect(change.actorId).toBe('donald-trump');
          expect(change.topicId.startsWith('ukraine.')).toBe(true);
        }
      });

      it('refuses a request without both valid times', async () => {
        const { body } = await get('/v1/changes', { from: '2025-02-20T00:00:00Z' }).expect(400);
        expect(violation(body)).toContainEqual(['to', 'required']);
      });
    });

    describe('GET /v1/quotations', () => {
      it('finds quotations and summaries by words, ranked, with highlighted fragments', async () => {
        const { body } = await get('/v1/quotations', { q: 'security guarantees' }).expect(200);
        expect(body.items.length).toBeGreaterThan(2);
        const ranks = body.items.map((hit: { rank: number }) => hit.rank);
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
        expect(body.items[0].highlights.quote ?? body.items[0].highlights.summary).toMatch(/<mark>securit/i);
        const trump = body.items.find(
          (hit: { position: { actorId: string; topicId: string } }) =>
            hit.position.actorId === 'donald-trump' &&
            hit.position.topicId === 'ukraine.security-guarantees.us',
        );
        expect(trump.highlights.quote).toContain('<mark>security</mark> <mark>guarantees</mark>');
        const dictator = (await get('/v1/quotations', { q: 'dictator', actor: 'donald-trump' }).expect(200))
          .body.items;
        expect(dictator.map((hit: { position: { topicId: string } }) => hit.position.topicId)).toEqual([
          'ukraine.zelensky-legitimacy',
        ]);
        const none = (await get('/v1/quotations', { q: 'dictator', actor: 'keir-starmer' }).expect(200)).body
          .items;
        expect(none).toEqual([]);
      });

      it('pages through hits in rank order without duplicates', async () => {
        const query = { q: 'Ukraine or security or Europe or deal' };
        const whole = (await get('/v1/quotations', { ...query, limit: 100 }).expect(200)).body.items;
        const { items, pages } = await allPages<{ position: { positionId: string } }>(
          '/v1/quotations',
          query,
        );
        expect(pages).toBeGreaterThan(2);
        expect(items.map((hit) => hit.position.positionId)).toEqual(
          whole.map((hit: { position: { positionId: string } }) => hit.position.positionId),
        );
        expect(new Set(items.map((hit) => hit.position.positionId)).size).toBe(items.length);
      });

      it('refuses a search without words', async () => {
        const { body } = await get('/v1/quotations').expect(400);
        expect(violation(body).map(([field]) => field)).toContain('q');
      });
    });

    describe('GET /v1/export/positions', () => {
      it('streams every stance in force as CSV: the documented header, then one row per actor and topic', async () => {
        const query = { format: 'csv', at: '2025-02-27T12:00:00Z', knownAt: afterSeeds };
        const response = await get('/v1/export/positions', query)
          .buffer(true)
          .parse((res, done) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () => done(null, text));
          })
          .expect(200);
        expect(response.headers['content-type']).toMatch(/^text\/csv/);
        expect(response.headers['content-length']).toBeUndefined();
        const text = response.body as string;
        const [header, ...rest] = text.trimEnd().split('\n');
        expect(header.split(',')).toEqual(EXPORT_COLUMNS);
        const trump = rest.find((line) => line.startsWith('donald-trump,ukraine.security-guarantees.us,'));
        expect(trump).toContain(',conditional-opposition,-0.5,');
        expect(trump).toMatch(/,0334,5\.2$/);
        const stateVisit = rest.find((line) => line.startsWith('keir-starmer,uk-us.state-visit,'));
        expect(stateVisit).toMatch(/,no-comment,,/);
        expect(stateVisit).toMatch(/,,$/);
      });

      it('streams JSON Lines with the same columns and the same rows', async () => {
        const query = { at: '2025-02-27T12:00:00Z', knownAt: afterSeeds };
        const text = (
          await get('/v1/export/positions', { ...query, format: 'jsonl' })
            .buffer(true)
            .parse((res, done) => {
              let body = '';
              res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
              res.on('end', () => done(null, body));
            })
            .expect(200)
        ).body as string;
        const rows = text
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line));
        for (const row of rows) expect(Object.keys(row)).toEqual(EXPORT_COLUMNS);
        const keys = rows.map((row) => `${row.actorId}/${row.topicId}`);
        expect(keys).toEqual([...keys].sort());
        expect(new Set(keys).size).toBe(keys.length);
        const stances = (await get('/v1/actors/keir-starmer/stances', query).expect(200)).body.stances;
        expect(rows.filter((row) => row.actorId === 'keir-starmer')).toHaveLength(stances.length);
        expect(
          rows.find((row) => row.actorId === 'donald-trump' && row.topicId === 'trade.tariffs.eu'),
        ).toMatchObject({
          stance: 'support',
          cameoCode: '163',
          goldstein: -8,
        });
      });

      it('refuses an unknown format, naming the field and the rule', async () => {
        const { body } = await get('/v1/export/positions', { format: 'xml' }).expect(400);
        expect(violation(body)).toEqual([['format', 'isIn']]);
      });
    });

    describe('GET /v1/learned, and a correction recorded later', () => {
      it('pages through everything the seeds taught us, in record order', async () => {
        const { items, pages } = await allPages<{ kind: string; recordedAt: string; positionId: string }>(
          '/v1/learned',
          { from: SEEDS_FIRST_KNOWN, to: afterSeeds },
          5,
        );
        expect(pages).toBeGreaterThan(2);
        expect(items.filter((fact) => fact.kind === 'new-position')).toHaveLength(33);
        const times = items.map((fact) => Date.parse(fact.recordedAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect((await get('/v1/learned', { from: afterSeeds }).expect(200)).body.items).toEqual([]);
      });

      it('changes /v1/learned from its record time on, and never earlier knownAt answers', async () => {
        const stance = (
          await get('/v1/actors/donald-trump/stances/ukraine.security-guarantees.us').expect(200)
        ).body;
        const beforeCorrection = new Date().toISOString();
        await new Promise((resolve) => setTimeout(resolve, 5));
        const corrected = await app
          .http()
          .post(`/v1/actors/donald-trump/positions/${stance.positionId}/correction`)
          .set(bearer(EDITOR_KEY))
          .send({ changes: { stance: 'oppose', conditions: [] }, reason: 'he ruled guarantees out' })
          .expect(201);
        await app.projections.caughtUp();

        const learned = (await get('/v1/learned', { from: beforeCorrection }).expect(200)).body.items;
        expect(learned).toEqual([
          expect.objectContaining({
            kind: 'correction',
            recordedAt: corrected.body.recordedAt,
            positionId: stance.positionId,
            reason: 'he ruled guarantees out',
            changedFields: ['stance', 'conditions'],
            previous: expect.objectContaining({ stance: 'conditional-opposition' }),
            position: expect.objectContaining({ stance: 'oppose' }),
          }),
        ]);
        expect(
          (await get('/v1/learned', { from: SEEDS_FIRST_KNOWN, to: beforeCorrection }).expect(200)).body
            .items,
        ).not.toContainEqual(expect.objectContaining({ kind: 'correction' }));

        const compare = async (knownAt?: string) =>
          (
            await get('/v1/compare', {
              actors: 'keir-starmer,donald-trump',
              at: '2025-02-27T12:00:00Z',
              ...(knownAt ? { knownAt } : {}),
            }).expect(200)
          ).body.items.find(
            (topic: { topicId: string }) => topic.topicId === 'ukraine.security-guarantees.us',
          );
        expect(await compare(beforeCorrection)).toMatchObject({ agreement: 'oppose', distance: 1.5 });
        expect(await compare()).toMatchObject({ agreement: 'oppose', distance: 2 });
        const shift = async (knownAt?: string) =>
          (
            await get('/v1/actors/donald-trump/shifts', {
              topic: 'ukraine.security-guarantees.us',
              ...(knownAt ? { knownAt } : {}),
            }).expect(200)
          ).body.items[0].after.stance;
        expect(await shift(beforeCorrection)).toBe('conditional-opposition');
        expect(await shift()).toBe('oppose');
      });
    });
  },
);
