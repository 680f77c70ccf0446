import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { ADMIN_KEY, bearer, type Engine, startTestApp, type TestApp } from '../../support/test-app';
import { buildWeb } from './web-server';

export type WebApp = TestApp & { url: string };

/** The real app, listening on a loopback port for the browser, its pages built. */
export const startWebApp = async (
  engine: Engine = 'pglite',
  env: Record<string, string> = {},
): Promise<WebApp> => {
  buildWeb();
  const app = await startTestApp(engine, env);
  await app.app.listen(0, '127.0.0.1');
  const { port } = app.app.getHttpServer().address() as AddressInfo;
  return { ...app, url: `http://127.0.0.1:${port}` };
};

export const replaySeeds = async (app: TestApp): Promise<void> => {
  await app.http().post('/v1/admin/seeds/replay').query({ wait: 'true' }).set(bearer(ADMIN_KEY)).expect(200);
  await app.projections.caughtUp();
};

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** axe-core, injected into the page as it stands: the serious and critical violations, as readable lines. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    'axe.run(document).then((result) => result.violations)',
  )) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    );
};

/** Fails the test on any error the page logs or throws (a failed request is logged by the browser too). */
export const collectPageErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
};
