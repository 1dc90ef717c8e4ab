import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATIONS_PER_DAY } from '../../src/applications/submission-limits.js';
import { localDay } from '../../src/domain/calendar.js';
import { demoPersonas, type Persona } from '../../src/gateway/fixture-data.js';
import { systemClock } from '../../src/runtime/clock.js';
import { LANGUAGES, type Language } from '../../src/web/i18n/languages.js';
import { translator } from '../../src/web/i18n/translator.js';
import { apply, applyWithFile, PDF, unknownChild } from '../applications/support.js';
import { signedInAs } from '../support/citizen.js';
import { seriousViolations } from './axe.js';
import {
  type BrowserApp,
  collectPageErrors,
  screenshot,
  startBrowserApp,
  WIDTHS,
} from './harness.js';

const run = promisify(execFile);
const ru = translator('ru');

let app: BrowserApp;

beforeAll(async () => {
  // The processing loop works applications as in production, a little faster.
  app = await startBrowserApp({ clock: systemClock, processing: { intervalMs: 200 } });
});
afterAll(async () => {
  await app?.close();
});

const at = (path: string) => `${app.origin}${path}`;

/**
 * A fresh context. The app runs on the wall clock here (not the test clock of the other suites):
 * the session cookie expires an hour after sign-in, and Chromium judges that by its own clock.
 */
function cabinetContext(options: { width?: number; locale?: string } = {}) {
  return app.context(options);
}

/** The demo persona of today, as the running app's gateway sees it. */
function persona(key: string): Persona {
  const found = demoPersonas(localDay(new Date())).find((p) => p.key === key);
  if (!found) throw new Error(`no demo persona ${key}`);
  return found;
}

/** The newest SMS code sent to anyone, read from the demo outbox as the README does. */
async function codeFromOutbox(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/dev/sms-outbox');
  const { messages } = (await response.json()) as { messages: { text: string }[] };
  const code = /\b(\d{6})\b/.exec(messages[0]?.text ?? '')?.[1];
  if (!code) throw new Error('no code in the SMS outbox');
  return code;
}

async function signInBySms(page: Page, iin: string) {
  await page.goto(at('/cabinet?lang=ru'));
  await page.fill('#sms-iin', iin);
  await page.click('#sms-send');
  await page.locator('#sms-code-step').waitFor();
  await expect(page.locator('#sms-sent').textContent()).resolves.toMatch(/Код отправлен на номер/);
  await page.fill('#sms-code', await codeFromOutbox(page));
  await page.click('#sms-verify');
  await page.locator('#account:not([hidden]), #sms-error:not(:empty)').first().waitFor();
  expect(await page.locator('#sms-error').textContent()).toBe('');
}

describe('the personal cabinet', { timeout: 120_000 }, () => {
  it('signs in with an SMS code, applies, watches it become issued and downloads the PDF', async () => {
    const who = persona('issued-guardianship-astana');
    const context = await cabinetContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await signInBySms(page, who.iin);
    await expect(page.locator('#signed-in-as').textContent()).resolves.toContain('по коду из SMS');

    await page.selectOption('#apply-type', 'guardianship');
    await page.fill('#apply-child', who.childIin);
    await page.click('#apply-form button[type=submit]');

    // Submitted, then worked by the processing loop: the card follows it to "issued".
    const card = page.locator('#applications .card').first();
    await card.locator('.status-text', { hasText: ru('cabinet.status_issued') }).waitFor();
    const history = await card.locator('.history li').allInnerTexts();
    expect(history.map((line) => line.replace(/^.* — /, ''))).toEqual([
      `${ru('cabinet.status_submitted')} (${ru('cabinet.by_applicant')})`,
      `${ru('cabinet.status_processing')} (${ru('cabinet.by_system')})`,
      `${ru('cabinet.status_issued')} (${ru('cabinet.by_system')})`,
    ]);

    // The certificate, its share link and its download.
    const certificate = page.locator('#certificates .card').first();
    await certificate.waitFor();
    const serial = (await certificate.getAttribute('data-serial')) ?? '';
    expect(serial).toMatch(/^[A-Z]+-2026-\d{6}$/);
    const shareUrl = await certificate.locator('input.share-link').inputValue();
    expect(shareUrl).toMatch(/^HTTPS:\/\/VERIFY\.EXAMPLE\.KZ\/V\/[A-Z2-7]+$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      certificate.getByRole('link', { name: ru('cabinet.downloadPdf') }).click(),
    ]);
    const directory = await mkdtemp(join(tmpdir(), 'cabinet-'));
    const path = join(directory, 'certificate.pdf');
    await download.saveAs(path);
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { stdout } = await run('pdftotext', ['-layout', path, '-']);
    expect(stdout).toContain(serial);

    // Notifications: received and issued, in Russian.
    await expect(page.locator('#notifications').textContent()).resolves.toContain(
      'Справка выдана и доступна в личном кабинете.',
    );

    // A verifier checks it; the cabinet shows who and when after a refresh.
    const token = shareUrl.split('/V/')[1] ?? '';
    await page.request.get(`/api/v1/verify/${token}`, {
      headers: { 'x-verifier-organization': encodeURIComponent('Школа № 12') },
    });
    await page.reload();
    await page.locator('#certificates .card').first().waitFor();
    await expect(page.locator('#certificates .verifications').textContent()).resolves.toContain(
      `Школа № 12: ${ru('verdict.valid')}`,
    );

    await screenshot(page, 'cabinet-issued-ru-desktop');

    // Sign out: the session is gone on the server too.
    await page.click('#sign-out');
    await page.locator('#sign-in').waitFor();
    const after = await page.request.get(at('/api/v1/cabinet/applications'));
    expect(after.status()).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows field errors next to the field, in words', async () => {
    const who = persona('issued-trusteeship-almaty');
    const context = await cabinetContext();
    const page = await context.newPage();
    await signInBySms(page, who.iin);

    await page.fill('#apply-child', '123456789012');
    await page.click('#apply-form button[type=submit]');
    await page
      .locator('#apply-child-error', { hasText: ru('cabinet.error_invalid_iin') })
      .waitFor();
    await expect(page.locator('#apply-child-error').textContent()).resolves.toBe(
      ru('cabinet.error_invalid_iin'),
    );
    expect(await page.getAttribute('#apply-child', 'aria-invalid')).toBe('true');

    await page.fill('#apply-child', who.iin);
    await page.click('#apply-form button[type=submit]');
    await page
      .locator('#apply-child-error', { hasText: ru('cabinet.error_same_person') })
      .waitFor();
    await expect(page.locator('#apply-child-error').textContent()).resolves.toBe(
      ru('cabinet.error_same_person'),
    );
    await context.close();
  });

  it('says in words that an application is still open, and that the day is used up', async () => {
    const who = persona('review-born-abroad');
    const api = await signedInAs(app.registry, who.iin);
    const own = { type: who.type, childIin: who.childIin };
    const copy = { bytes: PDF, name: 'birth.pdf', type: 'application/pdf' };
    expect((await applyWithFile(app.registry, api, own, copy)).status).toBe(202);

    const context = await cabinetContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInBySms(page, who.iin);

    // Another for the same child while the first waits for an officer: 409, next to the field.
    await page.selectOption('#apply-type', who.type);
    await page.fill('#apply-child', who.childIin);
    await page.click('#apply-form button[type=submit]');
    const open = ru('cabinet.error_application_open');
    await page.locator('#apply-child-error', { hasText: open }).waitFor();
    await expect(page.locator('#apply-child-error').textContent()).resolves.toBe(open);
    expect(await page.getAttribute('#apply-child', 'aria-invalid')).toBe('true');
    expect(await page.locator('#applications .card').count()).toBe(1);

    // The rest of the day's applications, for other children; then one more is refused.
    for (let n = 1; n < APPLICATIONS_PER_DAY; n++) {
      const other = { type: 'guardianship', childIin: unknownChild(n) };
      expect((await apply(app.registry, api, other)).status).toBe(202);
    }
    await page.fill('#apply-child', unknownChild(APPLICATIONS_PER_DAY));
    await page.click('#apply-form button[type=submit]');
    const limit = ru('cabinet.applyDailyLimit');
    await page.locator('#apply-error', { hasText: limit }).waitFor();
    await expect(page.locator('#apply-error').textContent()).resolves.toBe(limit);
    // The browser reports the 409 and the 429 as failed loads; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  it('signs in with an EDS key file, signing the challenge in the page', async () => {
    const who = persona('issued-guardianship-astana');
    if (!who.edsSeed) throw new Error('this persona holds an EDS');
    const context = await cabinetContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const sent: string[] = [];
    page.on('request', (request) => sent.push(request.postData() ?? ''));

    await page.goto(at('/cabinet'));
    const keyFile = JSON.stringify({ iin: who.iin, seed: who.edsSeed });
    await page.setInputFiles('#eds-file', {
      name: 'key.json',
      mimeType: 'application/json',
      buffer: Buffer.from(keyFile),
    });
    await page.click('#eds-form button[type=submit]');
    await page.locator('#account:not([hidden]), #eds-error:not(:empty)').first().waitFor();
    expect(await page.locator('#eds-error').textContent()).toBe('');
    await expect(page.locator('#signed-in-as').textContent()).resolves.toContain('with the EDS');

    // The seed never left the page: no request carried it.
    expect(sent.some((body) => body.includes(who.edsSeed ?? '?'))).toBe(false);

    // A file that is not a key says so in the page's language.
    await page.click('#sign-out');
    await page.setInputFiles('#eds-file', {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello":1}'),
    });
    await page.click('#eds-form button[type=submit]');
    await page.locator('#eds-error', { hasText: translator('en')('cabinet.edsBadFile') }).waitFor();
    await expect(page.locator('#eds-error').textContent()).resolves.toBe(
      translator('en')('cabinet.edsBadFile'),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says a wrong SMS code in words', async () => {
    const who = persona('refused-no-decision');
    const context = await cabinetContext();
    const page = await context.newPage();
    await page.goto(at('/cabinet?lang=kk'));
    await page.fill('#sms-iin', who.iin);
    await page.click('#sms-send');
    await page.locator('#sms-code-step').waitFor();
    const right = await codeFromOutbox(page);
    await page.fill('#sms-code', right === '000000' ? '111111' : '000000');
    await page.click('#sms-verify');
    await page
      .locator('#sms-error', { hasText: translator('kk')('cabinet.error_otp_invalid') })
      .waitFor();
    await expect(page.locator('#sms-error').textContent()).resolves.toBe(
      translator('kk')('cabinet.error_otp_invalid'),
    );
    await context.close();
  });
});

describe('the cabinet in every language', { timeout: 120_000 }, () => {
  it.each(LANGUAGES)(
    'reads in %s at 360 and 1280 px, with no serious axe violation',
    async (lang: Language) => {
      const t = translator(lang);
      const who = persona('issued-guardianship-astana');
      for (const [widthName, width] of Object.entries(WIDTHS)) {
        const context = await cabinetContext({ width });
        const page = await context.newPage();
        const errors = collectPageErrors(page);

        await page.goto(at(`/cabinet?lang=${lang}`));
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expect(page.locator('h1').textContent()).resolves.toBe(t('cabinet.title'));
        await page.locator('#sign-in').waitFor();
        await screenshot(page, `cabinet-sign-in-${lang}-${widthName}`);
        expect(await seriousViolations(page)).toEqual([]);

        // Signed in, with a certificate on screen.
        const headers = await app.registry.services.sessions.open(who.iin, 'otp');
        await context.addCookies([
          { name: 'session', value: headers.token, url: at('/'), secure: true, httpOnly: true },
        ]);
        await page.evaluate(
          (csrf) =>
            sessionStorage.setItem(
              'cabinet.session',
              JSON.stringify({ iin: '••••••••••12', method: 'otp', csrfToken: csrf }),
            ),
          headers.session.csrfToken,
        );
        await page.reload();
        await page.locator('#account').waitFor();
        await page.locator('#applications li').first().waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `cabinet-${lang}-${widthName}`);
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      }
    },
  );

  it('switches language with the switcher', async () => {
    const context = await cabinetContext();
    const page = await context.newPage();
    await page.goto(at('/cabinet?lang=ru'));
    await page.getByRole('link', { name: 'Қазақша' }).click();
    await page.waitForURL(/lang=kk/);
    await expect(page.locator('h1').textContent()).resolves.toBe(translator('kk')('cabinet.title'));
    await expect(page.locator('#sms-send').textContent()).resolves.toBe(
      translator('kk')('cabinet.sendCode'),
    );
    await context.close();
  });
});
