import { ADMIN_KEY, bearer, READER_KEY } from '../support/test-app';
import { startWebApp, type WebApp } from './support/web-app';

const NOT_FOUND = {
  error: { code: 'REQUEST.NOT_FOUND', message: expect.any(String), details: expect.any(Object) },
};

describe('the pages are served at /app/', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp('pglite', { READ_REQUIRES_KEY: 'true' });
  });
  afterAll(() => app?.close());

  it('sends / to /app/', async () => {
    const response = await app.http().get('/').expect(302);
    expect(response.headers.location).toBe('/app/');
  });

  it('answers /app/ and every route of the app with the page, even when reads need a key', async () => {
    for (const path of [
      '/app',
      '/app/',
      '/app/actors/donald-trump',
      '/app/topics/ukraine.nato-membership',
      '/app/review',
    ]) {
      const response = await app.http().get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<div id="root"></div>');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
    await app.http().get('/v1/actors').expect(401);
    await app.http().get('/v1/actors').set(bearer(READER_KEY)).expect(200);
  });

  it('serves the bundle the page names, with its type and a long cache', async () => {
    const page = await app.http().get('/app/').expect(200);
    const script = /src="(\/app\/assets\/app-[A-Z0-9]+\.js)"/.exec(page.text)?.[1] as string;
    const styles = /href="(\/app\/assets\/app-[A-Z0-9]+\.css)"/.exec(page.text)?.[1] as string;
    const js = await app.http().get(script).expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    const css = await app.http().get(styles).expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    await app.http().head(script).expect(200);
  });

  it('answers a file the bundle lacks with 404 in the error shape', async () => {
    const response = await app.http().get('/app/assets/nothing-here.js').expect(404);
    expect(response.body).toEqual(NOT_FOUND);
    await app.http().get('/app/favicon.png').expect(404);
  });

  it.each([
    '/app/../package.json',
    '/app/../../etc/passwd',
    '/app/assets/../../../package.json',
    '/app/%2e%2e/%2e%2e/package.json',
    '/app/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/app/..%5c..%5cpackage.json',
  ])('refuses the traversal %s with 404 in the error shape', async (path) => {
    const response = await app.http().get(path).set(bearer(ADMIN_KEY)).expect(404);
    expect(response.body).toEqual(NOT_FOUND);
    expect(response.text).not.toContain('"name": "positions"');
  });

  it('refuses a NUL in a page path as bad input (400 naming the path), never a file', async () => {
    const response = await app.http().get('/app/assets/%00.js').set(bearer(ADMIN_KEY)).expect(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ rule: 'noNulCharacter' })]);
    expect(response.text).not.toContain('"name": "positions"');
  });
});
