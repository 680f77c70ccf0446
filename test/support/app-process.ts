import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/infrastructure/project-root';
import { TEST_DATABASE_URL } from './databases';
import { ADMIN_KEY } from './test-app';

export type Instance = { process: ChildProcess; url: string; output: string[] };
export type ProjectionHealth = { name: string; running: boolean; standby: boolean; lag: number };

/** A real app process (as `npm start` runs it, without the build) on the PostgreSQL server, in `schema`. */
export const startInstance = (schema: string, port: number, env: Record<string, string> = {}): Instance => {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('src', 'main.ts')],
    {
      cwd: projectRoot(),
      env: {
        ...process.env,
        EVENT_STORE: 'postgres',
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        PORT: String(port),
        ADMIN_API_KEY: ADMIN_KEY,
        SEED_ON_START: 'false',
        PROJECTION_POLL_MS: '50',
        PROJECTION_BATCH_SIZE: '20',
        LOG_LEVEL: 'warn',
        NO_COLOR: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  return { process: child, url: `http://127.0.0.1:${port}`, output };
};

/** SIGKILLs the processes still running and waits until each has exited, so none still holds a transaction. */
export const killAll = async (instances: Instance[]): Promise<void> => {
  await Promise.all(
    instances
      .filter((instance) => instance.process.exitCode === null && instance.process.signalCode === null)
      .map((instance) => {
        const exited = new Promise((resolve) => instance.process.once('exit', resolve));
        instance.process.kill('SIGKILL');
        return exited;
      }),
  );
};
