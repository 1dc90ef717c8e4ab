import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

describe('pages that do not exist', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    // No database work here: one target is enough.
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it.each([
    ['/v/', 'ru', 'Страница не найдена', 'По этому адресу страницы нет.'],
    ['/v/?lang=kk', 'kk', 'Бет табылмады', 'Бұл мекенжайда бет жоқ.'],
    ['/v/ABC/extra?lang=en', 'en', 'Page not found', 'There is no page at this address.'],
  ])('answers %s with an HTML 404 in %s on the site layout', async (path, lang, title, text) => {
    const response = await registry.request(path);
    const html = await response.text();

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain(`<html lang="${lang}"`);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain(text);
    expect(html).toContain(`href="/?lang=${lang}"`);
  });

  it.each(['/nope', '/service/', '/cabinet/x'])(
    'answers %s asked for by a browser with the HTML 404 page',
    async (path) => {
      const response = await registry.request(path, {
        headers: {
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
          'accept-language': 'en',
        },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<h1>Page not found</h1>');
    },
  );

  it.each([
    ['/nope', 'curl', '*/*'],
    ['/api/v1/nothing-here', 'a browser', 'text/html'],
    ['/.well-known/nothing', 'a browser', 'text/html'],
  ])('keeps the JSON error for %s asked for by %s', async (path, _who, accept) => {
    const response = await registry.request(path, { headers: { accept } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('keeps the JSON error for the API', async () => {
    const response = await registry.request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: 'not_found', message: 'No such resource' });
  });

  it('still opens the verify page for a token', async () => {
    const response = await registry.request(`/v/${'A'.repeat(175)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('verdict-invalid');
  });
});
