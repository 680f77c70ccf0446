import { bearer, EDITOR_KEY, READER_KEY } from '../support/test-app';
import { chromiumMissing, launchChromium, type HeadlessBrowser } from './support/browser';
import { startWebApp, type WebApp } from './support/web-app';

const missing = chromiumMissing();
const describeInBrowser = missing ? describe.skip : describe;

describeInBrowser('the pages when reads need a key (READ_REQUIRES_KEY=true)', () => {
  let app: WebApp;
  let chromium: HeadlessBrowser;

  beforeAll(async () => {
    [app, chromium] = await Promise.all([
      startWebApp('pglite', { READ_REQUIRES_KEY: 'true' }),
      launchChromium(),
    ]);
    await app
      .http()
      .post('/v1/actors')
      .set(bearer(EDITOR_KEY))
      .send({ id: 'keyed-reader-actor', name: 'Keyed Reader Actor', kind: 'person' })
      .expect(201);
    await app.projections.caughtUp();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  it('asks for a key when the API answers 401, then reads with it, for this tab only', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${app.url}/app/`);
    await page.getByRole('alert').filter({ hasText: 'needs an API key even to read' }).first().waitFor();
    await page.getByLabel('API key').fill(READER_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Keyed Reader Actor' }).waitFor();
    expect(await page.evaluate("sessionStorage.getItem('positions.apiKey')")).toBe(READER_KEY);
    expect(await page.evaluate("localStorage.getItem('positions.apiKey')")).toBeNull();

    const otherTab = await chromium.context.newPage();
    await otherTab.goto(`${app.url}/app/`);
    await otherTab.getByRole('alert').filter({ hasText: 'needs an API key even to read' }).first().waitFor();
    await otherTab.close();
    await page.close();
  });
});

if (missing) {
  describe('the pages when reads need a key', () => {
    it.skip(`are not tested here: ${missing}`, () => undefined);
  });
  // eslint-disable-next-line no-console
  console.warn(`test/web: skipping the browser tests: ${missing}`);
}
