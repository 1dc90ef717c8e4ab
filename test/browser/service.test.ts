import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicPagesStore } from '../../src/public-pages/public-pages-store.js';
import { ARTIFACTS, type BrowserApp, screenshot, startBrowserApp, WIDTHS } from './harness.js';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the service page', () => {
  it('states the facts of the service: providers, term, result, documents, help, date', async () => {
    const context = await app.context({ locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto('/service');
    const body = await page.locator('main').innerText();

    for (const fact of [
      'Астаны, Алматы и Шымкента',
      '30 минут с момента поступления заявления',
      'подписанная ЭЦП уполномоченного лица',
      'до 13 августа 2007 года',
      '1414',
      'Дата последнего обновления: 4 декабря 2026',
    ]) {
      expect(body).toContain(fact);
    }
  });

  it('prints the content alone: no navigation, forms, counters or mistake link', async () => {
    const context = await app.context({ width: WIDTHS.desktop, locale: 'kk-KZ' });
    const page = await context.newPage();
    await page.goto('/service');
    await page.emulateMedia({ media: 'print' });

    for (const hidden of ['.languages', '.site-header .sections', '.counters', '.report-mistake']) {
      await expect(page.locator(hidden).isVisible(), hidden).resolves.toBe(false);
    }
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('.updated').isVisible()).resolves.toBe(true);
    await expect(page.locator('.site-footer .contact').isVisible()).resolves.toBe(true);
    await screenshot(page, 'service-kk-print');
    await writeFile(join(ARTIFACTS, 'service-kk-print.pdf'), await page.pdf({ format: 'A4' }));

    // The printable version opens on screen without JavaScript too.
    await page.emulateMedia({ media: 'screen' });
    await page.goto('/service?print=1');
    await expect(page.locator('body').getAttribute('class')).resolves.toBe('print-view');
    await expect(page.locator('.counters').isVisible()).resolves.toBe(false);
  });

  it('counts visitors without cookies: this month, yesterday, online now', async () => {
    // Yesterday (Almaty) as the database holds it from an earlier day's counting.
    await new PublicPagesStore(app.registry.database.db).countVisitor('service', '2026-12-02');

    const first = await app.context();
    const page = await first.newPage();
    await page.goto('/service');
    await page.goto('/service');
    await expect(page.locator('#count-month').innerText()).resolves.toBe('2');
    await expect(page.locator('#count-yesterday').innerText()).resolves.toBe('1');
    await expect(page.locator('#count-online').innerText()).resolves.toBe('1');
    expect(await first.cookies()).toEqual([]);

    // Another browser (another user agent) is another visitor.
    const second = await app.browser.newContext({ baseURL: app.origin, userAgent: 'Other/1.0' });
    const other = await second.newPage();
    await other.goto('/service');
    await expect(other.locator('#count-month').innerText()).resolves.toBe('3');
    await expect(other.locator('#count-online').innerText()).resolves.toBe('2');
    await second.close();
  });
});
