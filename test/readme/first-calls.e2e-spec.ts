import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/infrastructure/project-root';
import { eventually } from '../support/eventually';

const run = promisify(execFile);

/** The curl commands of the README's "First calls", continuation lines joined, comments dropped. */
const firstCalls = (): string[] => {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const section = readme.split(/^## First calls$/m)[1].split(/^## /m)[0];
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const commands: string[] = [];
  let pending = '';
  for (const line of block.replace(/\\\n\s*/g, ' ').split('\n')) {
    if (!pending && line.trim().startsWith('#')) continue;
    pending = pending ? `${pending}\n${line}` : line.trim();
    // A line break inside single quotes belongs to the command (a JSON body over several lines).
    if ((pending.match(/'/g) ?? []).length % 2 === 1) continue;
    if (pending.startsWith('curl ')) commands.push(pending);
    pending = '';
  }
  return commands;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the README’s first calls, against a service started as `npm start` starts it', () => {
  let service: ChildProcess;
  let port: number;
  let adminKey: string;
  const output: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'positions-readme-'));

  beforeAll(async () => {
    port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NO_COLOR: '1' };
    for (const name of ['ADMIN_API_KEY', 'API_KEYS', 'DATABASE_URL', 'EVENT_STORE', 'SEED_ON_START'])
      delete env[name];
    service = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('src', 'main.ts')],
      { cwd: projectRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    service.stdout?.on('data', (chunk) => output.push(String(chunk)));
    service.stderr?.on('data', (chunk) => output.push(String(chunk)));
    adminKey = await eventually(async () => {
      const found = /export ADMIN_API_KEY=(\S+)/.exec(output.join(''));
      if (!found) throw new Error(`no export line yet:\n${output.join('')}`);
      return found[1];
    }, 120_000);
    // Seeded and caught up: the first call's answer is there.
    await eventually(async () => {
      const response = await fetch(
        `http://127.0.0.1:${port}/v1/actors/donald-trump/stances/ukraine.security-guarantees.us?at=2025-02-27`,
      );
      if (response.status !== 200) throw new Error(`not ready: ${response.status}`);
    }, 120_000);
  }, 300_000);

  afterAll(async () => {
    const exited = new Promise((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the admin key with the line that exports it', () => {
    expect(adminKey.length).toBeGreaterThanOrEqual(16);
  });

  it('runs every curl line as written, each answering 2xx', async () => {
    const calls = firstCalls();
    expect(calls.length).toBeGreaterThanOrEqual(8);
    const answers: string[] = [];
    for (const call of calls) {
      const command = call
        .replace(/^curl /, 'curl -sS --fail-with-body ')
        .replaceAll('localhost:3000', `127.0.0.1:${port}`);
      const { stdout } = await run('bash', ['-c', command], {
        env: { ...process.env, ADMIN_API_KEY: adminKey },
      });
      answers.push(stdout);
    }
    expect(JSON.parse(answers[0])).toMatchObject({
      stance: 'conditional-opposition',
      sources: [expect.objectContaining({ outlet: 'BBC News' })],
    });
    expect(JSON.parse(answers[1]).stances).toEqual([]);
    expect(JSON.parse(answers[2]).stances.length).toBeGreaterThan(JSON.parse(answers[0]).sources.length);
  }, 120_000);
});
