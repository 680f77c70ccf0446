import type { Page } from 'playwright-core';
import { ADMIN_KEY, bearer, EDITOR_KEY } from '../support/test-app';
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

const ARTICLE = {
  title: 'Allies weigh guarantees',
  outlet: 'Desk',
  publishedOn: '2025-03-12',
  text: [
    'Senator Lindsey Graham said on Monday: "I support security guarantees for Ukraine only if Europe pays its share."',
    'Sir Keir Starmer said "maybe we will send troops" when asked about a peacekeeping force.',
    '"We will not be rushed," Marco Rubio said on Tuesday.',
  ].join('\n\n'),
};

/** The browser's getComputedStyle, inside functions run in the page (the tests compile without the DOM types). */
type Styled = { getComputedStyle: (node: unknown) => { backgroundColor: string } };

type ReviewItem = {
  quotationId: string;
  quote: string;
  status: string;
  rejectionReason: string | null;
  positionId: string | null;
};

describeInBrowser('the review desk in Chromium', () => {
  let app: WebApp;
  let chromium: HeadlessBrowser;
  let page: Page;
  let errors: string[];
  let articleId: string;

  beforeAll(async () => {
    [app, chromium] = await Promise.all([startWebApp(), launchChromium()]);
    await replaySeeds(app);
    const article = await app.http().post('/v1/articles').set(bearer(ADMIN_KEY)).send(ARTICLE).expect(201);
    articleId = article.body.articleId;
    await app.projections.caughtUp();
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
  });

  const queue = async (status: string): Promise<ReviewItem[]> =>
    (await app.http().get('/v1/review').query({ status, articleId }).expect(200)).body.items;

  const signIn = async (key: string) => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('API key').fill(key);
    await page.getByLabel('API key').press('Enter');
    await page.getByText('Signed in (this tab)').waitFor();
  };

  it('asks for a key before a decision, and says what the API refused', async () => {
    await page.goto(`${app.url}/app/review`);
    await page.locator('.item-heading').waitFor();
    await page.locator('.item-heading').press('a');
    const alert = page.locator('.outcome.error');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/API key/);
    errors.length = 0;
  });

  it('registers a candidate speaker as an actor from the desk', async () => {
    await page.goto(`${app.url}/app/review`);
    await signIn(ADMIN_KEY);
    const candidate = page.locator('.queue-item', { hasText: 'Lindsey Graham' });
    // Graham is in no registry: extraction names him as a candidate, which is what puts his quotation in review.
    await candidate.click();
    await page.locator('.candidate').waitFor();
    await page.locator('.item-heading').press('n');
    await page.getByRole('status').filter({ hasText: 'is registered as an actor' }).waitFor();
    const actor = await app.http().get('/v1/actors/lindsey-graham').expect(200);
    expect(actor.body).toMatchObject({ name: 'Lindsey Graham', kind: 'person' });
  });

  it('accepts an item with an edit and rejects the next one, from the keyboard; the API shows both decisions', async () => {
    const pending = await queue('pending');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    await page.goto(`${app.url}/app/review`);
    await signIn(EDITOR_KEY);

    const item = page.locator('.item');
    await item.locator('.article-text mark.current').waitFor();
    const first = (await item.getAttribute('data-quotation')) as string;
    // Every quotation of the article (GET /v1/articles/{id}) is highlighted in place, coloured by its disposition.
    const stored = (await app.http().get(`/v1/articles/${articleId}`).expect(200)).body as {
      quotations: { quotationId: string; disposition: { kind: string }; review: { status: string } | null }[];
    };
    const marks = await item
      .locator('.article-text mark.quotation')
      .evaluateAll((nodes) =>
        nodes.map((node) => [
          node.getAttribute('data-quotation'),
          node.getAttribute('class'),
          (globalThis as unknown as Styled).getComputedStyle(node).backgroundColor,
        ]),
      );
    expect(new Set(marks.map(([quotationId]) => quotationId))).toEqual(
      new Set(stored.quotations.map((quotation) => quotation.quotationId)),
    );
    for (const quotation of stored.quotations) {
      const kind =
        quotation.review && quotation.review.status !== 'pending'
          ? quotation.review.status
          : quotation.disposition.kind;
      const [, classes, colour] = marks.find(([quotationId]) => quotationId === quotation.quotationId) ?? [];
      expect(classes).toContain(`disposition-${kind}`);
      expect(colour).toBe(
        await page
          .locator(`.article .legend mark.disposition-${kind}`)
          .evaluate((node) => (globalThis as unknown as Styled).getComputedStyle(node).backgroundColor),
      );
    }
    await expect(item.locator('.article-text mark.current').textContent()).resolves.toContain(
      pending.find((entry) => entry.quotationId === first)?.quote.slice(0, 10),
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('.item-heading').press('e');
    expect(await page.evaluate('document.activeElement.id')).toBe('edit-actor');
    await page.locator('#edit-actor').selectOption('keir-starmer');
    await page.locator('#edit-topic').selectOption('ukraine.peacekeeping-troops.uk');
    await page.locator('#edit-stance').selectOption('oppose');
    await page.locator('#edit-day').fill('2025-03-10');
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    await page.getByRole('status').filter({ hasText: 'Accepted' }).waitFor();

    // The next item has opened by itself.
    await page.locator(`.item:not([data-quotation="${first}"])`).waitFor();
    const second = (await item.getAttribute('data-quotation')) as string;
    await page.keyboard.press('r');
    await page.locator('#reject-reason').waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('reject-reason');
    await page.keyboard.type('Not a statement of position');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();

    await app.projections.caughtUp();
    const accepted = (await queue('accepted')).find((entry) => entry.quotationId === first) as ReviewItem;
    expect(accepted.positionId).toEqual(expect.any(String));
    const rejected = (await queue('rejected')).find((entry) => entry.quotationId === second) as ReviewItem;
    expect(rejected.rejectionReason).toBe('Not a statement of position');
    const position = await app
      .http()
      .get(`/v1/actors/keir-starmer/positions/${accepted.positionId}`)
      .expect(200);
    expect(position.body).toMatchObject({
      topicId: 'ukraine.peacekeeping-troops.uk',
      stance: 'oppose',
      statedAt: '2025-03-10T00:00:00.000Z',
    });
    expect(errors).toEqual([]);
  });

  it('registers the topic extraction proposed from the desk, by keyboard, then accepts under it', async () => {
    const nile = await app
      .http()
      .post('/v1/articles')
      .set(bearer(ADMIN_KEY))
      .send({
        title: 'Ethiopia inaugurates Nile dam',
        outlet: 'Nile Wire',
        publishedOn: '2025-09-09',
        text: [
          'Ethiopia inaugurates Nile dam',
          '',
          'ADDIS ABABA - Ethiopia on Tuesday inaugurated its giant Nile dam on the Blue Nile, the largest dam in Africa.',
          '',
          'Egyptian Foreign Minister Badr Abdelatty said the talks had been "long and tiring". "We will never accept a fait accompli on the Nile," he said.',
        ].join('\n'),
      })
      .expect(201);
    const proposedItem = (
      nile.body.quotations as {
        quotationId: string;
        proposedTopic: { id: string; title: string } | null;
        speaker: { kind: string } | null;
      }[]
    ).find((quotation) => quotation.proposedTopic) as {
      quotationId: string;
      proposedTopic: { id: string; title: string };
      speaker: { kind: string } | null;
    };
    expect(proposedItem).toBeDefined();
    const topicId = proposedItem.proposedTopic.id;
    await app.projections.caughtUp();
    await app.http().get(`/v1/topics/${topicId}`).expect(404);

    await page.goto(`${app.url}/app/review`);
    await signIn(EDITOR_KEY);
    await page.locator(`.queue-item[data-quotation="${proposedItem.quotationId}"]`).click();
    await page.locator(`.item[data-quotation="${proposedItem.quotationId}"] .proposed-topic`).waitFor();
    await expect(page.locator('.reasons').textContent()).resolves.toContain('one is proposed');
    if (proposedItem.speaker?.kind === 'candidate') {
      await page.locator('.item-heading').press('n');
      await page.getByRole('status').filter({ hasText: 'is registered as an actor' }).waitFor();
    }
    await page.locator('.item-heading').press('t');
    await page.locator('#topic-proposition').waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('topic-proposition');
    expect(await page.locator('#topic-id').inputValue()).toBe(topicId);
    await page.keyboard.type('Egypt should accept the Nile dam as built');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${topicId} is registered as a topic` })
      .waitFor();
    expect(await page.locator('#edit-topic').inputValue()).toBe(topicId);
    await page.keyboard.press('a');
    await page.getByRole('status').filter({ hasText: 'Accepted' }).waitFor();

    const topic = await app.http().get(`/v1/topics/${topicId}`).expect(200);
    expect(topic.body).toMatchObject({
      title: proposedItem.proposedTopic.title,
      proposition: 'Egypt should accept the Nile dam as built',
    });
    await app.projections.caughtUp();
    const accepted = (
      await app
        .http()
        .get('/v1/review')
        .query({ status: 'accepted', articleId: nile.body.articleId })
        .expect(200)
    ).body.items as ReviewItem[];
    expect(accepted.map((entry) => entry.quotationId)).toEqual([proposedItem.quotationId]);
    const stored = await app.http().get(`/v1/articles/${nile.body.articleId}`).expect(200);
    const decided = stored.body.quotations.find(
      (quotation: { quotationId: string }) => quotation.quotationId === proposedItem.quotationId,
    );
    expect(decided.disposition).toMatchObject({ kind: 'recorded' });
    const position = await app
      .http()
      .get(`/v1/actors/${decided.disposition.actorId}/positions/${accepted[0].positionId}`)
      .expect(200);
    expect(position.body).toMatchObject({ topicId, stance: 'oppose' });
    expect(errors).toEqual([]);
  });
});

if (missing) {
  describe('the review desk in Chromium', () => {
    it.skip(`is not tested here: ${missing}`, () => undefined);
  });
  // eslint-disable-next-line no-console
  console.warn(`test/web: skipping the review desk's browser tests: ${missing}`);
}
