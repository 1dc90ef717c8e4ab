import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISTAKE_LIMIT } from '../../src/public-pages/mistake-reports.js';
import { ASTANA } from '../support/app.js';
import { type BrowserApp, collectPageErrors, screenshot, startBrowserApp } from './harness.js';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

const THANKS = 'Thank you, the error report has been received';
const SORRY = 'Sorry, the error report cannot be processed right now. Please try later.';

async function reports() {
  const response = await app.registry.request('/api/v1/mistakes', { headers: ASTANA });
  expect(response.status).toBe(200);
  return ((await response.json()) as { reports: Record<string, unknown>[] }).reports;
}

describe('report a mistake', () => {
  it('takes a selection and Ctrl+Enter, stores it with the comment, and thanks', async () => {
    const context = await app.context({ locale: 'en-GB' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/service');

    // Select the "Term" paragraph the way a reader would, then press Ctrl+Enter.
    await page.locator('p.term').selectText();
    await page.keyboard.press('Control+Enter');
    const dialog = page.locator('#mistake-dialog');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(dialog.locator('textarea[name=selected]').inputValue()).resolves.toBe(
      '30 minutes from the moment the application is delivered.',
    );
    await dialog.locator('textarea[name=comment]').fill('Should say "working minutes"?');
    await screenshot(page, 'mistake-dialog-en-desktop');
    await dialog.getByRole('button', { name: 'Send' }).click();

    await expect(dialog.locator('.mistake-answer').innerText()).resolves.toBe(THANKS);
    const [stored] = await reports();
    expect(stored).toMatchObject({
      page: '/service',
      selected: '30 minutes from the moment the application is delivered.',
      comment: 'Should say "working minutes"?',
      lang: 'en',
    });
    expect(errors).toEqual([]);
  });

  it('opens from the footer link in the page language, never naming a verify token', async () => {
    const context = await app.context({ locale: 'kk-KZ' });
    const page = await context.newPage();
    await page.goto('/v/NOTATOKEN');
    await page.getByRole('link', { name: 'Қате туралы хабарлау' }).click();

    const dialog = page.locator('#mistake-dialog');
    await dialog.locator('textarea[name=selected]').fill('жарамсыз');
    await dialog.getByRole('button', { name: 'Жіберу' }).click();
    await expect(dialog.locator('.mistake-answer').innerText()).resolves.toBe(
      'Рахмет, қате туралы хабарлама қабылданды',
    );
    const [stored] = await reports();
    expect(stored).toMatchObject({ page: '/v/*', selected: 'жарамсыз', lang: 'kk' });
  });

  it('works without JavaScript: the footer link opens a form page that answers', async () => {
    const context = await app.browser.newContext({
      baseURL: app.origin,
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'accept-language': 'ru' },
    });
    const page = await context.newPage();
    await page.goto('/service');
    await page.getByRole('link', { name: 'Сообщить об ошибке' }).click();
    await page.fill('#mistake-selected', 'попечителство');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await expect(page.locator('.answer').innerText()).resolves.toBe(
      'Спасибо, сообщение об ошибке получено',
    );
    await context.close();
  });

  // Last: it uses up the loopback address's reports for the rest of this file.
  it('apologises, in exactly those words, once the reader is over the limit', async () => {
    const context = await app.context({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/');

    // Use up this address's reports, then send one more through the dialog.
    const statuses = await page.evaluate(async (count) => {
      const answers: number[] = [];
      for (let i = 0; i < count; i++) {
        const response = await fetch('/api/v1/mistakes', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ page: '/', selected: `typo ${i}`, lang: 'en' }),
        });
        answers.push(response.status);
      }
      return answers;
    }, MISTAKE_LIMIT.points);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(MISTAKE_LIMIT.points);

    await page.locator('h1').selectText();
    await page.keyboard.press('Control+Enter');
    const dialog = page.locator('#mistake-dialog');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.locator('.mistake-answer').innerText()).resolves.toBe(SORRY);
    await screenshot(page, 'mistake-sorry-en-desktop');
  });
});
