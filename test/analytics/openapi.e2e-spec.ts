import { startTestApp, type TestApp } from '../support/test-app';

type Operation = {
  summary?: string;
  responses: Record<string, { content?: Record<string, { example?: unknown; examples?: object }> }>;
};

describe('the OpenAPI document', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app.close());

  it('describes every operation with a summary and at least one response example', async () => {
    const { body } = await app.http().get('/docs-json').expect(200);
    const operations = Object.entries(body.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(40);
    const undocumented = operations
      .filter(({ operation }) => {
        const examples = Object.values(operation.responses ?? {}).flatMap((response) =>
          Object.values(response.content ?? {}).filter(
            (media) => media.example !== undefined || media.examples,
          ),
        );
        return !operation.summary || examples.length === 0;
      })
      .map(({ route }) => route);
    expect(undocumented).toEqual([]);
    for (const route of [
      '/v1/actors/{actorId}/shifts',
      '/v1/compare',
      '/v1/changes',
      '/v1/learned',
      '/v1/quotations',
      '/v1/stream',
      '/v1/export/positions',
    ]) {
      expect(body.paths[route]?.get?.summary).toEqual(expect.any(String));
    }
    expect(JSON.stringify(body.paths['/v1/compare'].get.responses)).toContain('conditional-opposition');
  });
});
