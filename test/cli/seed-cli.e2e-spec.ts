import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/infrastructure/project-root';
import { loadSeeds } from '../../src/seeding/seed-files';

const run = promisify(execFile);

describe('npm run seed and npm run migrate', () => {
  it('seeds a fresh embedded store with progress, and a second run appends nothing', async () => {
    const env = {
      ...process.env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'seed-cli-')),
      EVENT_STORE: 'pglite',
      DATABASE_URL: '',
      NO_COLOR: '1',
    };
    const options = { cwd: projectRoot(), env, timeout: 120_000 };
    const { topics, actors, positions } = loadSeeds();
    const total = topics.length + actors.length + positions.length;
    const first = await run('npm', ['run', '--silent', 'seed'], options);
    expect(first.stdout).toContain(`progress ${total}/${total} (100%)`);
    expect(first.stdout).toContain(
      `replayed ${total} commands (${topics.length} topics, ${actors.length} actors, ${positions.length} positions): ${total} appended, 0 already there`,
    );
    const second = await run('npm', ['run', '--silent', 'seed'], options);
    expect(second.stdout).toContain(`0 appended, ${total} already there`);
    const migrate = await run('npm', ['run', '--silent', 'migrate'], options);
    expect(migrate.stdout).toMatch(/already up to date/);
  });
});
