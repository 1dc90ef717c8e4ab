import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue, tokenOf } from '../e2e/client.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

describe('a verify link with a trailing slash', () => {
  let registry: TestRegistry;
  let token: string;

  beforeAll(async () => {
    // One certificate and no database rule under test: one target is enough.
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
    token = tokenOf((await issue(registry)).verifyUrl);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it.each(['/V', '/v'])(
    'moves %s/<token>/ for good to the link without the slash',
    async (prefix) => {
      const response = await registry.request(`${prefix}/${token}/`, { redirect: 'manual' });

      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(`${prefix}/${token}`);
    },
  );

  it('keeps the query on the way', async () => {
    const response = await registry.request(`/V/${token}/?lang=en`, { redirect: 'manual' });

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`/V/${token}?lang=en`);
  });

  it('leads to the page of the certificate', async () => {
    const moved = await registry.request(`/V/${token}/`, { redirect: 'manual' });
    const page = await registry.request(moved.headers.get('location') ?? '');

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('AST-2026-000001');
  });

  it.each(['/V/', '/v/', `/V/${'A'.repeat(10)}/extra/`])(
    'still answers %s with 404',
    async (path) => {
      const response = await registry.request(path, { redirect: 'manual' });

      expect(response.status).toBe(404);
    },
  );
});
