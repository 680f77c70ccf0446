import { loadavg } from 'node:os';
import { STANCES } from '@domain/positions';
import { chromiumMissing, launchChromium } from '../test/web/support/browser';
import { startWebServer } from '../test/web/support/web-server';
import { percentile } from './stats';

const median = (samples: number[]) => percentile(samples, 50);

/**
 * `npm run bench:web`: one actor with 500 statements over 30 topics (some corrected, retracted or withdrawn),
 * drawn by the timeline page in Debian's Chromium. Prints how long the page takes from navigation to every mark
 * drawn, and a knownAt step (refetch and redraw), as medians over RUNS loads. Nothing is asserted.
 */
const TOPICS = 30;
const STATEMENTS = 500;
const RUNS = 7;

const main = async () => {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const server = await startWebServer({ LOG_LEVEL: 'error' });
  const chromium = await launchChromium();
  try {
    const actorId = 'bench-timeline-actor';
    await server.call('POST', '/v1/actors', { id: actorId, name: 'Bench Actor', kind: 'person' });
    for (let topic = 0; topic < TOPICS; topic++) {
      await server.call('POST', '/v1/topics', {
        id: `bench.topic-${topic}`,
        title: `Bench topic ${topic}`,
        proposition: `The bench should do thing ${topic}.`,
      });
    }
    await server.caughtUp();
    const start = Date.UTC(2024, 0, 1);
    let corrected = 0;
    let retracted = 0;
    let withdrawn = 0;
    const seeded = Date.now();
    for (let index = 0; index < STATEMENTS; index++) {
      const stance = STANCES[(index * 7) % STANCES.length];
      const statedAt = new Date(start + index * 86_400_000).toISOString().slice(0, 10);
      const response = await server.call('POST', `/v1/actors/${actorId}/positions`, {
        topicId: `bench.topic-${index % TOPICS}`,
        stance,
        conditions: stance.startsWith('conditional')
          ? [{ text: 'only if the others do', topicId: null }]
          : [],
        summary: `Statement ${index}`,
        quote: `We said thing number ${index}, and we meant it.`,
        evidenceType: 'direct-quote',
        statedAt,
        confidence: 0.8,
        sources: [
          { outlet: 'Bench Times', publishedOn: statedAt, text: 'We said it.', span: { start: 0, end: 11 } },
        ],
      });
      const { positionId } = (await response.json()) as { positionId: string };
      const change = `/v1/actors/${actorId}/positions/${positionId}`;
      if (index % 20 === 3) {
        await server.call('POST', `${change}/correction`, { changes: { confidence: 0.6 }, reason: 'bench' });
        corrected++;
      } else if (index % 50 === 7) {
        await server.call('POST', `${change}/retraction`, { reason: 'bench' });
        retracted++;
      } else if (index % 40 === 11) {
        await server.call('POST', `${change}/withdrawal`, { effectiveAt: statedAt, reason: 'bench' });
        withdrawn++;
      }
    }
    await server.caughtUp();
    console.log(
      `web-timeline: ${STATEMENTS} statements over ${TOPICS} topics (${corrected} corrected, ${retracted} retracted, ${withdrawn} withdrawn), recorded in ${Date.now() - seeded} ms`,
    );

    const loads: number[] = [];
    const apiDone: number[] = [];
    const scriptDone: number[] = [];
    let apiRequests = 0;
    const steps: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await chromium.context.newPage();
      await page.goto(`${server.url}/app/actors/${actorId}`);
      await page.waitForFunction(
        `document.querySelectorAll('g.lane .mark').length === ${STATEMENTS}`,
        undefined,
        {
          polling: 'raf',
          timeout: 60_000,
        },
      );
      loads.push((await page.evaluate('performance.now()')) as number);
      // Where the time went: the last /v1 answer's end, and the script bundle's, against the draw.
      const [api, script, requests] = (await page.evaluate(
        "(() => { const entries = performance.getEntriesByType('resource'); const end = (match) => Math.max(0, ...entries.filter((e) => e.name.includes(match)).map((e) => e.responseEnd)); return [end('/v1/'), end('/app/assets/'), entries.filter((e) => e.name.includes('/v1/')).length]; })()",
      )) as [number, number, number];
      apiDone.push(api);
      scriptDone.push(script);
      apiRequests = requests;
      const before = (await page.evaluate('performance.now()')) as number;
      await page.locator('#known-at').press('Home');
      await page.getByTestId('empty-timeline').waitFor();
      await page.locator('#known-at').press('End');
      await page.waitForFunction(
        `document.querySelectorAll('g.lane .mark').length === ${STATEMENTS}`,
        undefined,
        {
          polling: 'raf',
        },
      );
      steps.push(((await page.evaluate('performance.now()')) as number) - before);
      await page.close();
    }
    const marks = `${STATEMENTS} marks`;
    console.log(
      `  navigation to ${marks} drawn: median ${median(loads).toFixed(0)} ms, runs ${loads.map((t) => t.toFixed(0)).join(', ')}`,
    );
    console.log(
      `  of which: bundle loaded at ${median(scriptDone).toFixed(0)} ms, last of ${apiRequests} /v1 answers at ${median(apiDone).toFixed(0)} ms (medians)`,
    );
    console.log(
      `  load average when done (1, 5, 15 min): ${loadavg()
        .map((load) => load.toFixed(1))
        .join(', ')}`,
    );
    console.log(
      `  knownAt to the start and back (2 refetches, 2 redraws): median ${median(steps).toFixed(0)} ms`,
    );
  } finally {
    await chromium.close();
    await server.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
