import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startBenchApp } from '../../../bench/app';
import { ProjectionRunner } from '../../../src/infrastructure/read-models/projection-runner';
import { caughtUp } from '../../support/caught-up';

const ROOT = join(__dirname, '..', '..', '..');

/** The bundle the service serves: `npm test` runs without `npm run build`, so each user builds it (about 1 s). */
export const buildWeb = (): void => {
  execFileSync(process.execPath, [join(ROOT, 'web', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
};

export const SCRIPT_ADMIN_KEY = 'web-script-admin-key-0123456789';

export type WebServer = {
  app: NestFastifyApplication;
  url: string;
  /** A request to the app with the admin key. */
  call: (method: string, path: string, body?: unknown) => Promise<Response>;
  caughtUp: () => Promise<void>;
  close: () => Promise<void>;
};

/** The app on a loopback port, outside Jest (screenshots, bench): PGlite in memory, the pages built. */
export const startWebServer = async (overrides: Record<string, string> = {}): Promise<WebServer> => {
  buildWeb();
  const app = await startBenchApp({
    EVENT_STORE: 'pglite',
    DATABASE_URL: '',
    DATA_DIR: 'memory://',
    ADMIN_API_KEY: SCRIPT_ADMIN_KEY,
    SEED_ON_START: 'false',
    PROJECTION_POLL_MS: '20',
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${SCRIPT_ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  return { app, url, call, caughtUp: () => caughtUp(app.get(ProjectionRunner)), close: () => app.close() };
};
