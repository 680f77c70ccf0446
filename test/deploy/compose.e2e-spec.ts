import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

/**
 * The `yaml` package is not a dependency, so this reads the one YAML shape docker-compose.yml uses (block
 * maps indented by two spaces) and nothing more: enough to check structure, not a general parser.
 */
const topLevelSection = (text: string, key: string): string[] => {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0) return [];
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^\S/.test(line)) break;
    body.push(line);
  }
  return body;
};

const childBlocks = (lines: string[], indent: number): Map<string, string[]> => {
  const blocks = new Map<string, string[]>();
  const header = new RegExp(`^ {${indent}}([A-Za-z0-9_.-]+):(.*)$`);
  let current: string[] | null = null;
  for (const line of lines) {
    const match = header.exec(line);
    if (match) {
      current = match[2].trim() === '' ? [] : [match[2].trim()];
      blocks.set(match[1], current);
    } else if (current && line.startsWith(' '.repeat(indent + 1))) {
      current.push(line);
    }
  }
  return blocks;
};

const unquote = (value: string): string => value.trim().replace(/^(['"])(.*)\1$/, '$2');

const environmentOf = (service: Map<string, string[]>): Record<string, string> => {
  const entries = (service.get('environment') ?? []).map((line) => {
    const listItem = /^\s*-\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    const mapItem = /^\s*([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$/.exec(line);
    const match = listItem ?? mapItem;
    return match ? [match[1], unquote(match[2])] : null;
  });
  return Object.fromEntries(entries.filter((entry): entry is string[] => entry !== null));
};

/** Pinned = an explicit version tag (with a digit in it) or a digest; `latest` and a bare name are not. */
const isPinned = (image: string): boolean => {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? (lastSegment.split(':').pop() ?? '') : '';
  return tag !== '' && !/latest/i.test(tag) && /\d/.test(tag);
};

const compose = read('docker-compose.yml');
const services = new Map(
  [...childBlocks(topLevelSection(compose, 'services'), 2)].map(([name, lines]) => [
    name,
    childBlocks(lines, 4),
  ]),
);
const service = (name: string): Map<string, string[]> => {
  const found = services.get(name);
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

describe('docker-compose.yml', () => {
  it('defines the kurrentdb, postgres and app services', () => {
    expect([...services.keys()].sort()).toEqual(['app', 'kurrentdb', 'postgres']);
  });

  it('pins every image to an explicit version, and builds the app from this repository', () => {
    for (const [name, definition] of services) {
      const image = definition.get('image')?.[0];
      if (name === 'app') {
        expect(definition.get('build')).toEqual(['.']);
        continue;
      }
      expect(image).toBeDefined();
      expect({ service: name, image, pinned: isPinned(unquote(image ?? '')) }).toMatchObject({
        pinned: true,
      });
    }
    expect(service('kurrentdb').get('image')?.[0]).toMatch(
      /^docker\.kurrent\.io\/kurrent-(latest|lts)\/kurrentdb:\d+\.\d+\.\d+$/,
    );
    expect(service('postgres').get('image')?.[0]).toMatch(/^postgres:17\.\d+-alpine$/);
  });

  it('gives every service a health check with a test', () => {
    for (const [name, definition] of services) {
      const healthcheck = definition.get('healthcheck') ?? [];
      expect({ service: name, hasTest: healthcheck.some((line) => /^\s+test:/.test(line)) }).toEqual({
        service: name,
        hasTest: true,
      });
    }
    expect(service('kurrentdb').get('healthcheck')?.join('\n')).toContain('/health/live');
    expect(service('postgres').get('healthcheck')?.join('\n')).toContain('pg_isready');
    expect(service('app').get('healthcheck')?.join('\n')).toMatch(
      /fetch\('http:\/\/localhost:3000\/health'\)/,
    );
  });

  it('starts the app only once both stores are healthy', () => {
    const dependsOn = childBlocks(service('app').get('depends_on') ?? [], 6);
    for (const store of ['kurrentdb', 'postgres']) {
      expect({ store, condition: dependsOn.get(store)?.join(' ').trim() }).toEqual({
        store,
        condition: 'condition: service_healthy',
      });
    }
  });

  it('points the app at KurrentDB for events and PostgreSQL for read models, with no secret committed', () => {
    const env = environmentOf(service('app'));
    expect(env).toMatchObject({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      SEED_ON_START: 'true',
    });
    expect(env.DATABASE_URL).toMatch(
      /^postgres:\/\/positions:\$\{POSTGRES_PASSWORD:-[^}]*\}@postgres:5432\/positions$/,
    );
    expect(env.ADMIN_API_KEY).toMatch(/^\$\{ADMIN_API_KEY:\?[^}]+\}$/);
    expect(environmentOf(service('postgres')).POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:-[^}]*\}$/);
  });

  it('runs KurrentDB as an insecure single node without projections, for development', () => {
    expect(environmentOf(service('kurrentdb'))).toMatchObject({
      KURRENTDB_CLUSTER_SIZE: '1',
      KURRENTDB_INSECURE: 'true',
      KURRENTDB_RUN_PROJECTIONS: 'None',
    });
  });

  it('publishes the app, KurrentDB and PostgreSQL ports and keeps data in volumes', () => {
    const ports = (name: string) =>
      (service(name).get('ports') ?? []).map((line) => unquote(line.replace(/^\s*-\s*/, '')));
    expect(ports('app')).toContainEqual(expect.stringMatching(/(^|:)3000:3000$/));
    expect(ports('kurrentdb')).toContainEqual(expect.stringMatching(/(^|:)2113:2113$/));
    expect(ports('postgres')).toContainEqual(expect.stringMatching(/(^|:)5432:5432$/));
    expect(service('kurrentdb').get('volumes')?.join('\n')).toContain(':/var/lib/kurrentdb');
    expect(service('postgres').get('volumes')?.join('\n')).toContain(':/var/lib/postgresql/data');
  });
});

const dockerfile = read('Dockerfile');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => {
  if (/^FROM\s/i.test(line)) all.push([line]);
  else all[all.length - 1]?.push(line);
  return all;
}, []);
const finalStage = stages[stages.length - 1] ?? [];

describe('Dockerfile', () => {
  it('is multi-stage, every stage on a pinned node 20 bookworm-slim image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const [from] of stages) expect(from).toMatch(/^FROM node:20\.\d+\.\d+-bookworm-slim AS \w+$/);
  });

  it('builds in the first stage and installs production dependencies only in the final one', () => {
    const build = stages[0];
    expect(build).toContain('RUN npm ci');
    expect(build).toContain('RUN npm run build');
    const installs = finalStage.filter((line) => /^RUN .*npm (ci|install)\b/.test(line));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toContain('--omit=dev');
    expect(finalStage).toContainEqual(expect.stringMatching(/^COPY --from=\w+ \/app\/dist \.\/dist$/));
    for (const folder of ['migrations', 'seeds']) expect(finalStage).toContain(`COPY ${folder} ./${folder}`);
  });

  it('runs as the non-root node user in production mode', () => {
    const users = finalStage.filter((line) => /^USER\s/.test(line));
    expect(users[users.length - 1]).toBe('USER node');
    const env = finalStage.filter((line) => line.startsWith('ENV ')).join(' ');
    expect(env).toMatch(/NODE_ENV=production/);
    expect(env).toMatch(/PORT=3000/);
    expect(env).toMatch(/DATA_DIR=\/data/);
    expect(finalStage).toContain('EXPOSE 3000');
  });

  it('checks its own health and starts the compiled app', () => {
    expect(finalStage).toContainEqual(expect.stringMatching(/^HEALTHCHECK .*CMD .*fetch\(.*\/health/));
    const cmd = finalStage.filter((line) => line.startsWith('CMD ')).pop();
    // As `npm start` runs it, V8 flags included.
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    expect(JSON.parse((cmd ?? 'CMD null').slice(4))).toEqual(start.split(' '));
  });

  it('keeps local build output, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', 'dist', 'data', 'coverage', '.git', 'bench/results']),
    );
  });
});

const hasComposeCli = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
const withCompose = hasComposeCli ? it : it.skip;
const noCli = hasComposeCli ? '' : ' (skipped: no docker compose CLI on this machine)';
const composeConfig = (env: NodeJS.ProcessEnv) =>
  spawnSync('docker', ['compose', '-f', 'docker-compose.yml', 'config', '-q'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });

describe('docker compose config', () => {
  const { ADMIN_API_KEY: _unset, ...baseEnv } = process.env;

  withCompose(`accepts docker-compose.yml${noCli}`, () => {
    const result = composeConfig({ ...baseEnv, ADMIN_API_KEY: 'compose-config-check-key' });
    expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
  });

  withCompose(`refuses to render without ADMIN_API_KEY${noCli}`, () => {
    expect(composeConfig(baseEnv).status).not.toBe(0);
  });
});
