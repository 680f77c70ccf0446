import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumMissing, launchChromium } from './support/browser';
import { SCRIPT_ADMIN_KEY, startWebServer } from './support/web-server';

/** `npm run screenshots`: the README's pictures, taken by the tests' own browser code on the seeds. */
const OUT = join(__dirname, '..', '..', 'docs', 'images');

const ARTICLE = {
  title: 'Allies weigh guarantees',
  outlet: 'Desk',
  publishedOn: '2025-03-12',
  text: [
    'Senator Lindsey Graham said on Monday: "I support security guarantees for Ukraine only if Europe pays its share."',
    'Sir Keir Starmer said "maybe we will send troops" when asked about a peacekeeping force, adding that Britain would "play its part".',
    '"We will not be rushed," Marco Rubio said on Tuesday.',
  ].join('\n\n'),
};

const main = async () => {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  mkdirSync(OUT, { recursive: true });
  const app = await startWebServer({ LOG_LEVEL: 'error' });
  const chromium = await launchChromium();
  try {
    await app.call('POST', '/v1/admin/seeds/replay?wait=true&articles=true');
    await app.call('POST', '/v1/articles', ARTICLE);
    await app.caughtUp();
    const page = await chromium.context.newPage();

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app.url}/app/actors/donald-trump?at=2025-02-26T00:00:00.000Z`);
    const quotation = page.locator('g.lane[data-topic="ukraine.security-guarantees.us"] .mark').first();
    await quotation.waitFor();
    await quotation.hover();
    await page.getByRole('tooltip').waitFor();
    await page.screenshot({
      path: join(OUT, 'timeline.png'),
      clip: { x: 0, y: 0, width: 1280, height: 760 },
    });

    await page.addInitScript(`sessionStorage.setItem('positions.apiKey', '${SCRIPT_ADMIN_KEY}')`);
    await page.goto(`${app.url}/app/review`);
    await page.locator('.article-text mark.current').waitFor();
    await page.screenshot({ path: join(OUT, 'review-desk.png'), fullPage: true });

    await page.goto(
      `${app.url}/app/topics/ukraine.security-guarantees.us?at=2025-03-01&from=2025-02-01&to=2025-03-01`,
    );
    await page.locator('.diverging-row').first().waitFor();
    await page.screenshot({ path: join(OUT, 'topic-landscape.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/app/actors/keir-starmer`);
    await page.locator('g.lane').first().waitFor();
    await page.screenshot({ path: join(OUT, 'timeline-phone.png'), fullPage: true });
    process.stdout.write(`screenshots written to ${OUT}\n`);
  } finally {
    await chromium.close();
    await app.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
