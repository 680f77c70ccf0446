import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePluginMetadata, METADATA_FILE } from '../../src/cli/openapi';
import { projectRoot } from '../../src/infrastructure/project-root';
import { startTestApp, type TestApp } from '../support/test-app';

type Operation = {
  summary?: string;
  parameters?: { name: string; in: string; schema?: object }[];
  security?: object[];
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
};

const root = projectRoot();
/** Written beside the real one, so that its imports are the same; removed after. */
const CHECK_FILE = 'openapi.metadata.check.ts';
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

describe('the OpenAPI contract', () => {
  let app: TestApp;
  let served: {
    paths: Record<string, Record<string, Operation>>;
    components: Record<string, Record<string, object>>;
  };
  beforeAll(async () => {
    app = await startTestApp('pglite');
    served = (await app.http().get('/docs-json').expect(200)).body;
  });
  afterAll(() => app.close());

  const operations = () =>
    Object.entries(served.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
    );

  it('is the checked-in openapi.json (npm run openapi writes it)', () => {
    expect(JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'))).toEqual(served);
  });

  it('gives every operation a summary, a schema for every answer, the shared error shape and its security', () => {
    expect(operations().length).toBeGreaterThan(50);
    const problems = operations().flatMap(({ route, operation }) => [
      ...(operation.summary ? [] : [`${route}: no summary`]),
      ...(operation.security ? [] : [`${route}: no security`]),
      ...Object.entries(operation.responses).flatMap(([status, response]) =>
        status === '204'
          ? []
          : Object.entries(response.content ?? { none: {} })
              .filter(([, media]) => !media.schema)
              .map(([type]) => `${route} ${status} ${type}: no schema`),
      ),
      ...(Object.keys(operation.responses).some((status) => status.startsWith('4'))
        ? []
        : [`${route}: no 4xx`]),
    ]);
    expect(problems).toEqual([]);
    const errors = operations().flatMap(({ operation }) =>
      Object.entries(operation.responses).filter(([status]) => Number(status) >= 400),
    );
    for (const [, response] of errors)
      expect(JSON.stringify(response)).toContain('#/components/schemas/ErrorResponse');
    expect(served.components.securitySchemes.apiKey).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(served.components.securitySchemes.apiKey).not.toHaveProperty('bearerFormat');
  });

  it('declares the stance route’s path and query parameters, with their grammar', () => {
    const { parameters = [] } = served.paths['/v1/actors/{actorId}/stances/{topicId}'].get;
    expect(parameters.map(({ name, in: where }) => `${where}:${name}`)).toEqual(
      expect.arrayContaining(['path:actorId', 'path:topicId', 'query:at', 'query:knownAt']),
    );
    const at = parameters.find(({ name }) => name === 'at');
    expect(at?.schema).toEqual(expect.objectContaining({ type: 'string', pattern: expect.any(String) }));
    const record = served.paths['/v1/actors/{actorId}/positions'].post;
    expect(JSON.stringify(record.responses['422'])).toContain('POSITION.STATED_AFTER_RECORDED');
    expect(record.security).toEqual([{ apiKey: [] }]);
  });

  it('passes Redocly’s recommended rules with no error', () => {
    const output = execFileSync(bin('redocly'), ['lint', 'openapi.json', '--format=summary'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    expect(output).not.toMatch(/^error/m);
  });

  it('has plugin metadata and client types that match the code (npm run openapi regenerates both)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      generatePluginMetadata(CHECK_FILE);
      expect(readFileSync(join(root, 'src', CHECK_FILE), 'utf8')).toBe(
        readFileSync(join(root, 'src', METADATA_FILE), 'utf8'),
      );
      writeFileSync(join(scratch, 'openapi.json'), JSON.stringify(served));
      execFileSync(
        bin('openapi-typescript'),
        [join(scratch, 'openapi.json'), '--output', join(scratch, 'api.ts')],
        {
          cwd: root,
          stdio: 'ignore',
        },
      );
      execFileSync(
        bin('prettier'),
        ['--config', join(root, '.prettierrc'), '--write', join(scratch, 'api.ts')],
        { cwd: root, stdio: 'ignore' },
      );
      expect(readFileSync(join(scratch, 'api.ts'), 'utf8')).toBe(
        readFileSync(join(root, 'test', 'client', 'positions-api.ts'), 'utf8'),
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      rmSync(join(root, 'src', CHECK_FILE), { force: true });
    }
  }, 120_000);
});
