import { existsSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');

/** What `npm start` runs after `node` (`<flags> dist/src/main`): the benches start the service with it. */
const startArgs = (): string[] => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [program, ...args] = manifest.scripts.start.trim().split(/\s+/);
  if (program !== 'node') throw new Error(`package.json's start script must run node (got "${program}")`);
  return args;
};

export const START_ARGS = startArgs();

/** The service's V8 flags, as `npm start` sets them: the engine children (the bench's in-process app) get them too. */
export const SERVICE_NODE_FLAGS = START_ARGS.filter((arg) => arg.startsWith('--'));

export const startCommand = (): string[] => {
  const main = START_ARGS[START_ARGS.length - 1];
  if (!existsSync(join(ROOT, `${main}.js`)) && !existsSync(join(ROOT, main)))
    throw new Error(`${main} is not built: run npm run build (npm run bench does) first`);
  return START_ARGS;
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
