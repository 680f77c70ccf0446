import type { Page } from 'playwright-core';
import { aPosition, givenActorAndTopics } from '../support/fixtures';
import { bearer, EDITOR_KEY } from '../support/test-app';
import { chromiumMissing, launchChromium, type HeadlessBrowser } from './support/browser';
import {
  collectPageErrors,
  replaySeeds,
  seriousViolations,
  startWebApp,
  type WebApp,
} from './support/web-app';

const missing = chromiumMissing();
const describeInBrowser = missing ? describe.skip : describe;

const GUARANTEE = 'ukraine.security-guarantees.us';

describeInBrowser('the pages in Chromium, on the seeds', () => {
  let app: WebApp;
  let chromium: HeadlessBrowser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [app, chromium] = await Promise.all([startWebApp(), launchChromium()]);
    await replaySeeds(app);
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });
  beforeEach(async () => {
    page = await chromium.context.newPage();
    errors = collectPageErrors(page);
  });
  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });

  const open = async (path: string) => {
    await page.goto(`${app.url}${path}`);
    await page.locator('main h1').waitFor();
  };

  const lane = (topicId: string) => page.locator(`g.lane[data-topic="${topicId}"]`);

  it("shows Trump's “beyond very much” on the US guarantee lane from 26 February 2025, and nothing there before", async () => {
    await open('/app/actors/donald-trump');
    const marks = lane(GUARANTEE).locator('.mark');
    await marks.first().waitFor();
    const stated = await marks.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-stated-at')),
    );
    expect(stated.length).toBeGreaterThan(0);
    for (const time of stated)
      expect(Date.parse(time as string)).toBeGreaterThanOrEqual(Date.parse('2025-02-26'));
    const bands = await lane(GUARANTEE)
      .locator('.band')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-from')));
    expect(bands).toEqual(['2025-02-26T00:00:00.000Z']);

    const quotation = marks
      .filter({ has: page.locator('xpath=.') })
      .and(page.locator('[aria-label*="beyond very much"]'));
    await quotation.focus();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip.textContent()).resolves.toContain('beyond very much');
    await expect(tooltip.textContent()).resolves.toContain('26 Feb 2025');
    await expect(tooltip.textContent()).resolves.toContain('BBC News');

    // The at cursor, from the keyboard: the day before, the answer has no US guarantee stance; on the day, it has.
    await open(`/app/actors/donald-trump?at=2025-02-26T00:00:00.000Z`);
    await page.locator(`.answer-list li[data-topic="${GUARANTEE}"]`).waitFor();
    await page.getByRole('slider', { name: /^at/ }).press('ArrowLeft');
    await page.locator(`.answer-list li[data-topic="${GUARANTEE}"]`).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('at')).toBe('2025-02-25T00:00:00.000Z');
    await page.getByRole('slider', { name: /^at/ }).press('ArrowRight');
    await expect(page.locator(`.answer-list li[data-topic="${GUARANTEE}"]`).textContent()).resolves.toContain(
      'conditional opposition',
    );
  });

  it('replays the record with the knownAt slider: a correction reverts, then the position disappears', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    const recorded = await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition(topicIds[0], { stance: 'support', quote: 'We back it fully.' }))
      .expect(201);
    await app
      .http()
      .post(`/v1/actors/${actorId}/positions/${recorded.body.positionId}/correction`)
      .set(bearer(EDITOR_KEY))
      .send({ changes: { stance: 'oppose' }, reason: 'misread the quote' })
      .expect(201);
    await app.projections.caughtUp();

    await open(`/app/actors/${actorId}`);
    const mark = lane(topicIds[0]).locator('.mark');
    await expect(mark.getAttribute('data-stance')).resolves.toBe('oppose');
    expect(await mark.getAttribute('class')).toContain('corrected');

    const knownAt = page.locator('#known-at');
    await knownAt.press('ArrowLeft');
    await lane(topicIds[0]).locator('.mark[data-stance="support"]').waitFor();
    expect(new URL(page.url()).searchParams.get('knownAt')).toBe(recorded.body.recordedAt);

    await knownAt.press('ArrowLeft');
    await page.getByTestId('empty-timeline').waitFor();
    expect(await page.locator('g.lane').count()).toBe(0);

    // The URL is a deep link: opened again, it shows the same moment of the record.
    const link = page.url();
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByTestId('empty-timeline').waitFor();
    await knownAt.press('End');
    await lane(topicIds[0]).locator('.mark[data-stance="oppose"]').waitFor();
  });

  it("empties Trump's timeline when knownAt goes back before the seeds were recorded; the URL holds at, knownAt and topic", async () => {
    // The seeds are known from the start of the day the first outlet printed them: 26 February 2025 at the earliest.
    const seedsKnownFrom = '2025-02-26T00:00:00.000Z';
    await open('/app/actors/donald-trump');
    await lane(GUARANTEE).locator('.mark').first().waitFor();
    const knownAt = page.locator('#known-at');
    await knownAt.press('Home');
    await page.getByTestId('empty-timeline').waitFor();
    expect(await page.locator('g.lane').count()).toBe(0);
    const before = new URL(page.url()).searchParams.get('knownAt') as string;
    expect(Date.parse(before)).toBeLessThan(Date.parse(seedsKnownFrom));
    await expect(page.locator('.answer-list li').count()).resolves.toBe(0);

    await knownAt.press('ArrowRight');
    await lane(GUARANTEE).locator('.mark').first().waitFor();
    expect(new URL(page.url()).searchParams.get('knownAt')).toBe(seedsKnownFrom);

    // The topic filter and the at day go into the URL beside knownAt.
    await page.locator('#topic-filter').selectOption('ukraine.security-guarantees');
    await page.locator('#at-day').fill('2025-02-26');
    await page.waitForFunction(
      "new URL(location.href).searchParams.get('at') === '2025-02-26T00:00:00.000Z'",
    );
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      at: '2025-02-26T00:00:00.000Z',
      knownAt: seedsKnownFrom,
      topic: 'ukraine.security-guarantees',
    });
    const topicsShown = () =>
      page.locator('g.lane').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-topic')));
    await page.locator('g.lane[data-topic="ukraine.minerals-deal"]').waitFor({ state: 'detached' });
    const shown = await topicsShown();
    expect(shown).toContain(GUARANTEE);
    for (const topicId of shown) expect(topicId).toMatch(/^ukraine\.security-guarantees\./);

    // Loaded again, the link restores the view: the filter, the day, the moment of the record.
    const link = page.url();
    await page.goto('about:blank');
    await open(link.slice(app.url.length));
    await lane(GUARANTEE).locator('.mark').first().waitFor();
    expect(await topicsShown()).toEqual(shown);
    expect(await page.locator('#topic-filter').inputValue()).toBe('ukraine.security-guarantees');
    expect(await page.locator('#at-day').inputValue()).toBe('2025-02-26');
    await expect(page.locator('.known-at-value').textContent()).resolves.toContain('26 Feb 2025');
    await page.locator(`.answer-list li[data-topic="${GUARANTEE}"]`).waitFor();

    // A link to before the seeds opens on an empty page.
    await open(`/app/actors/donald-trump?knownAt=2025-02-25T23:59:59.999Z`);
    await page.getByTestId('empty-timeline').waitFor();
  });

  it('keeps one statement in the tab order and moves between statements with the arrow keys', async () => {
    await open('/app/actors/donald-trump');
    const aggressor = lane('ukraine.war.russia-aggressor').locator('.mark');
    await aggressor.first().waitFor();
    expect(await page.locator('g.lane .mark[tabindex="0"]').count()).toBe(1);
    const active = () =>
      page.evaluate(
        "[document.activeElement.getAttribute('data-position'), document.activeElement.closest('g.lane')?.getAttribute('data-topic'), document.activeElement.getAttribute('data-stated-at')]",
      ) as Promise<[string, string, string]>;

    // Tab reaches the chart's one statement in the tab order from the lane's title before it.
    await page.locator('g.lane').first().locator('a.lane-label').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement.getAttribute('tabindex')")).toBe('0');
    expect(await page.evaluate("document.activeElement.classList.contains('mark')")).toBe(true);
    const [first, firstLane] = await active();
    await page.keyboard.press('ArrowDown');
    const [second, secondLane] = await active();
    expect(second).not.toBe(first);
    expect(secondLane).not.toBe(firstLane);
    expect(await page.locator('g.lane .mark[tabindex="0"]').getAttribute('data-position')).toBe(second);
    expect(await page.locator('g.lane .mark[tabindex="0"]').count()).toBe(1);
    await page.getByRole('tooltip').waitFor();

    await aggressor.first().focus();
    const [, , earliest] = await active();
    await page.keyboard.press('ArrowRight');
    const [, onLane, later] = await active();
    expect(onLane).toBe('ukraine.war.russia-aggressor');
    expect(Date.parse(later)).toBeGreaterThan(Date.parse(earliest));
    await page.keyboard.press('End');
    expect((await active())[2]).toBe(await aggressor.last().getAttribute('data-stated-at'));
    await page.keyboard.press('Enter');
    await page.locator('.mark-detail').waitFor();
    await expect(page.locator('.mark-detail').textContent()).resolves.toContain(
      'The record of this position',
    );
  });

  it('shows every actor on a topic from oppose to support, and how it moved', async () => {
    await open(`/app/topics/${GUARANTEE}?at=2025-03-01&from=2025-02-01&to=2025-03-01`);
    const rows = page.locator('.diverging-row');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-actor')))).toEqual([
      'donald-trump',
      'keir-starmer',
      'volodymyr-zelensky',
    ]);
    await expect(rows.first().textContent()).resolves.toContain(
      "Europe, as Ukraine's next-door neighbour, gives the guarantees instead",
    );
    await expect(page.locator('.changes li').count()).resolves.toBe(3);
  });

  it('compares actors: where they are furthest apart and where they agree', async () => {
    await open('/app/compare?actors=keir-starmer,donald-trump&at=2025-02-27T23:59:59.999Z');
    const guarantee = page.locator(`tr[data-topic="${GUARANTEE}"]`);
    await guarantee.waitFor();
    expect(await guarantee.getAttribute('data-agreement')).toBe('oppose');
    await expect(guarantee.textContent()).resolves.toMatch(/support.*conditional opposition/);
  });

  it('compares as the record stood at knownAt, both moments in the URL', async () => {
    await open(
      '/app/compare?actors=keir-starmer,donald-trump&at=2025-02-27T23:59:59.999Z&knownAt=2025-02-25T23:59:59.999Z',
    );
    await page.getByText('No topic on which any of them holds a stance.').waitFor();
    expect(await page.locator('#compare-known-at').inputValue()).toBe('2025-02-25');
    await page.locator('#compare-known-at').fill('2025-02-27');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator(`tr[data-topic="${GUARANTEE}"]`).waitFor();
    const params = new URL(page.url()).searchParams;
    expect(params.get('at')).toBe('2025-02-27T23:59:59.999Z');
    expect(params.get('knownAt')).toBe('2025-02-27T23:59:59.999Z');
  });

  it('filters the search by actor, topic and days, all in the URL', async () => {
    await open('/app/quotations?q=security&actor=donald-trump');
    await page.locator('.hit').first().waitFor();
    const hrefs = () =>
      page.locator('.hit a').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    const trumps = await hrefs();
    expect(trumps.length).toBeGreaterThan(1);
    for (const href of trumps) expect(href).toMatch(/^\/app\/actors\/donald-trump\?at=/);
    expect(await page.locator('#search-actor').inputValue()).toBe('donald-trump');

    await page.locator('#search-topic').selectOption(GUARANTEE);
    await page.locator('#search-from').fill('2025-02-26');
    await page.locator('#search-to').fill('2025-02-26');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForFunction(`document.querySelectorAll('.hit').length === 1`);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      q: 'security',
      actor: 'donald-trump',
      topic: GUARANTEE,
      from: '2025-02-26',
      to: '2025-02-26',
    });
    expect(await hrefs()).toEqual([
      `/app/actors/donald-trump?at=2025-02-26T00%3A00%3A00.000Z&topic=${GUARANTEE}`,
    ]);

    // Opened from the link, the form shows the filters; a range after the day finds nothing.
    await open('/app/quotations?q=security&actor=donald-trump&topic=' + GUARANTEE + '&from=2025-02-27');
    await page.getByText('Nothing matches').waitFor();
    expect(await page.locator('#search-topic').inputValue()).toBe(GUARANTEE);
    expect(await page.locator('#search-from').inputValue()).toBe('2025-02-27');
  });

  it('searches quotations, marks the matches, links to the timeline at that day, and escapes the rest', async () => {
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(
        aPosition(topicIds[0], {
          quote: 'Zanzibarian &amp; 5 > 2 pledge <img src=x onerror="window.injected=1">',
        }),
      )
      .expect(201);
    await app.projections.caughtUp();

    await open('/app/quotations?q=zanzibarian');
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    expect(await hit.locator('mark').first().textContent()).toMatch(/zanzibarian/i);
    expect(await page.locator('.hits img').count()).toBe(0);
    // The fragment is text (the API's ts_headline drops tags and escapes nothing): an entity stays as written.
    await expect(hit.locator('blockquote').textContent()).resolves.toContain(
      'Zanzibarian &amp; 5 > 2 pledge',
    );
    expect(await page.evaluate('window.injected')).toBeUndefined();

    await open('/app/quotations?q=%22beyond%20very%20much%22');
    const link = page.locator('.hit a').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(
      `/app/actors/donald-trump?at=2025-02-26T00%3A00%3A00.000Z&topic=${GUARANTEE}`,
    );
    await link.click();
    await lane(GUARANTEE).waitFor();
  });

  it('shows stance changes live, from /v1/stream', async () => {
    await open('/app/');
    await page.locator('.live-state.live-live').waitFor();
    const { actorId, topicIds } = await givenActorAndTopics(app, 1);
    await app
      .http()
      .post(`/v1/actors/${actorId}/positions`)
      .set(bearer(EDITOR_KEY))
      .send(aPosition(topicIds[0], { stance: 'hedged' }))
      .expect(201);
    const change = page.locator('.live-change', { hasText: topicIds[0] });
    await change.waitFor();
    await expect(change.textContent()).resolves.toContain('none → hedged');
  });

  it('fits a phone-sized screen', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ['/app/actors/donald-trump', `/app/topics/${GUARANTEE}`, '/app/review']) {
      await open(path);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
  });

  const PAGES = [
    ['the index', '/app/', '.plain-list li'],
    ['an actor timeline', '/app/actors/donald-trump', 'g.lane'],
    ['a topic landscape', `/app/topics/${GUARANTEE}?at=2025-03-01`, '.diverging-row'],
    ['a comparison', '/app/compare?actors=keir-starmer,donald-trump,emmanuel-macron', 'table.compare'],
    ['the search', '/app/quotations?q=guarantee', '.hit'],
    ['the review desk', '/app/review', '.queue'],
  ];
  const SIZES = [
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ] as const;

  it.each(
    SIZES.flatMap(([size, width, height]) =>
      PAGES.map(([name, path, ready]) => [name, size, path, ready, width, height]),
    ),
  )(
    'leaves axe-core no serious or critical violation on %s (%s)',
    async (_name, _size, path, ready, width, height) => {
      await page.setViewportSize({ width: Number(width), height: Number(height) });
      await open(String(path));
      await page.locator(String(ready)).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    },
  );
});

if (missing) {
  describe('the pages in Chromium', () => {
    it.skip(`are not tested here: ${missing}`, () => undefined);
  });
  // eslint-disable-next-line no-console
  console.warn(`test/web: skipping the browser tests: ${missing}`);
}
