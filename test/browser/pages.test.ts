import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/web/i18n/languages.js';
import { translator } from '../../src/web/i18n/translator.js';
import { issue } from '../e2e/client.js';
import { seriousViolations } from './axe.js';
import {
  type BrowserApp,
  collectPageErrors,
  screenshot,
  startBrowserApp,
  WIDTHS,
} from './harness.js';

let app: BrowserApp;
let verifyPath: string;

beforeAll(async () => {
  app = await startBrowserApp();
  const certificate = await issue(app.registry);
  verifyPath = new URL(certificate.verifyUrl).pathname;
});
afterAll(async () => {
  await app?.close();
});

/** Every public page, with a sentence from its own catalog that proves the language. */
const PAGES = [
  { name: 'home', path: () => '/', heading: 'labels.title' },
  { name: 'verify', path: () => verifyPath, heading: 'verdict.valid' },
  { name: 'service', path: () => '/service', heading: 'service.title' },
  { name: 'mistake', path: () => '/report-mistake?page=%2Fservice', heading: 'mistake.title' },
] as const;

describe.each(PAGES)('the $name page', (page) => {
  it.each(LANGUAGES)(
    'reads in %s, at phone and desktop widths, with no serious axe violation',
    async (lang: Language) => {
      const t = translator(lang);
      for (const [widthName, width] of Object.entries(WIDTHS)) {
        const context = await app.context({ width });
        const tab = await context.newPage();
        const errors = collectPageErrors(tab);
        const path = page.path();
        await tab.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);

        expect(await tab.getAttribute('html', 'lang')).toBe(lang);
        await expect(tab.locator('main').textContent()).resolves.toContain(t(page.heading));
        await expect(tab.locator('footer').textContent()).resolves.toContain('1414');
        await expect(tab.locator('footer a.report-mistake').textContent()).resolves.toBe(
          t('footer.mistake'),
        );

        // Nothing wider than the screen: no sideways scrolling on a 360 px phone.
        const overflow = await tab.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);

        await screenshot(tab, `${page.name}-${lang}-${widthName}`);
        if (widthName === 'phone') expect(await seriousViolations(tab)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      }
    },
  );
});

describe('the language', () => {
  it('follows Accept-Language first, then the switcher, and remembers the choice', async () => {
    const context = await app.context({ locale: 'kk-KZ' });
    const tab = await context.newPage();

    await tab.goto('/service');
    expect(await tab.getAttribute('html', 'lang')).toBe('kk');

    await tab.getByRole('link', { name: 'English' }).click();
    await tab.waitForURL(/lang=en/);
    expect(await tab.getAttribute('html', 'lang')).toBe('en');
    await expect(tab.locator('h1').textContent()).resolves.toBe(translator('en')('service.title'));

    // The choice outlives the link: a page opened without `?lang=` is still in English.
    await tab.goto(verifyPath);
    expect(await tab.getAttribute('html', 'lang')).toBe('en');
    await expect(tab.locator('.verdict-text').textContent()).resolves.toBe('Authentic and valid');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'lang')).toMatchObject({ value: 'en', sameSite: 'Lax' });
  });

  it('marks the current language in the switcher on every page', async () => {
    const context = await app.context();
    const tab = await context.newPage();
    for (const page of PAGES) {
      await tab.goto(`${page.path()}${page.path().includes('?') ? '&' : '?'}lang=ru`);
      const current = tab.locator('.languages a[aria-current="true"]');
      await expect(current.textContent()).resolves.toBe('Русский');
      await expect(tab.locator('.languages a').count()).resolves.toBe(3);
    }
  });
});
