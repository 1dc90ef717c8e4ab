import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATIONS_PER_DAY } from '../../src/applications/submission-limits.js';
import { localDay } from '../../src/domain/calendar.js';
import { demoPersonas, type Persona } from '../../src/gateway/fixture-data.js';
import { systemClock } from '../../src/runtime/clock.js';
import { LANGUAGES, type Language } from '../../src/web/i18n/languages.js';
import { translator } from '../../src/web/i18n/translator.js';
import { apply, applyWithFile, PDF, unknownChild } from '../applications/support.js';
import { ALMATY, asOfficer } from '../support/app.js';
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

/** Opens the cabinet already signed in (a session made on the server), as after a reload. */
async function openSignedIn(context: BrowserContext, page: Page, iin: string, lang: Language) {
  const { token, session } = await app.registry.services.sessions.open(iin, 'otp');
  await context.addCookies([
    { name: 'session', value: token, url: at('/'), secure: true, httpOnly: true },
  ]);
  await page.goto(at(`/cabinet?lang=${lang}`));
  await page.evaluate(
    (csrf) =>
      sessionStorage.setItem(
        'cabinet.session',
        JSON.stringify({ iin: '••••••••••12', method: 'otp', csrfToken: csrf }),
      ),
    session.csrfToken,
  );
  await page.reload();
  await page.locator('#account').waitFor();
}

/** Stands for a value the page fills in (a date it formats, a wait it counts) in `shaped`. */
const WILD = '\u2063WILD\u2063';

/** A whole message as a pattern, each WILD in it matching `wild`. */
function shaped(text: string, wild = '.+'): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.split(WILD).join(wild)}$`);
}

/** Waits until the holder's cabinet lists `count` certificates; answers them, newest first. */
async function certificatesOf(api: Record<string, string>, count: number) {
  for (let tries = 0; tries < 100; tries++) {
    const response = await app.registry.request('/api/v1/cabinet/certificates', { headers: api });
    const { certificates } = (await response.json()) as { certificates: { id: string }[] };
    if (certificates.length >= count) return certificates;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the cabinet never listed ${count} certificates`);
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
    // The name is the verifier's own word, and the page says so.
    await expect(page.locator('#certificates').textContent()).resolves.toContain(
      ru('cabinet.verifiersSelfNamed'),
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

  // Regression: the code field shared the IIN's form, so Enter asked for a new code instead.
  it('asks for the code by Enter in the IIN field and signs in by Enter in the code field', async () => {
    const who = persona('refused-decision-terminated');
    const context = await cabinetContext({ width: WIDTHS.phone });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const codeRequests: string[] = [];
    let verifyCalls = 0;
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/api/v1/auth/otp') codeRequests.push(path);
      if (path === '/api/v1/auth/otp/verify') verifyCalls++;
    });

    await page.goto(at('/cabinet?lang=ru'));
    expect(await page.locator('#sms-code').isVisible()).toBe(false);
    await page.fill('#sms-iin', who.iin);
    await page.press('#sms-iin', 'Enter');
    await page.locator('#sms-code').waitFor({ state: 'visible' });
    await page.locator('#sms-code-step').waitFor();
    await expect(page.locator('#sms-sent').textContent()).resolves.toMatch(
      /Код отправлен на номер/,
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sms-code');
    expect(await page.getAttribute('#sms-code', 'enterkeyhint')).toBe('go');

    // Enter with no code yet asks for it, and sends nothing.
    await page.press('#sms-code', 'Enter');
    await page.locator('#sms-error', { hasText: ru('cabinet.codeRequired') }).waitFor();
    await expect(page.locator('#sms-error').textContent()).resolves.toBe(
      ru('cabinet.codeRequired'),
    );
    expect(await page.getAttribute('#sms-code', 'aria-invalid')).toBe('true');

    await page.fill('#sms-code', await codeFromOutbox(page));
    await page.press('#sms-code', 'Enter');
    await page.locator('#account:not([hidden]), #sms-error:not(:empty)').first().waitFor();
    expect(await page.locator('#sms-error').textContent()).toBe('');
    await expect(page.locator('#signed-in-as').textContent()).resolves.toContain('по коду из SMS');
    expect(codeRequests).toHaveLength(1);
    expect(verifyCalls).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says how long to wait when asked for codes too often, and drops the stale line', async () => {
    const who = persona('refused-not-guardian');
    const waitIn = (lang: Language) =>
      shaped(translator(lang)('cabinet.rateLimitedSeconds', { seconds: WILD }), '(\\d+)');

    const context = await cabinetContext();
    const page = await context.newPage();
    await page.goto(at('/cabinet?lang=ru'));
    await page.fill('#sms-iin', who.iin);
    await page.click('#sms-send');
    await page.locator('#sms-sent:not(:empty)').waitFor();

    // Within the minute: refused, with the wait in words, and no "the code was sent" beside it.
    await page.press('#sms-iin', 'Enter');
    await page.locator('#sms-error:not(:empty)').waitFor();
    const said = (await page.locator('#sms-error').textContent()) ?? '';
    expect(said).toMatch(waitIn('ru'));
    const seconds = Number(waitIn('ru').exec(said)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await page.locator('#sms-sent').textContent()).toBe('');
    await context.close();

    for (const lang of ['kk', 'en'] as const) {
      const other = await cabinetContext();
      const again = await other.newPage();
      await again.goto(at(`/cabinet?lang=${lang}`));
      await again.fill('#sms-iin', who.iin);
      await again.click('#sms-send');
      await again.locator('#sms-error:not(:empty)').waitFor();
      expect(await again.locator('#sms-error').textContent()).toMatch(waitIn(lang));
      await other.close();
    }
  });

  it('asks for an IIN left empty instead of calling it wrong', async () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const context = await cabinetContext();
      const page = await context.newPage();
      let calls = 0;
      page.on('request', (request) => {
        if (request.url().includes('/api/')) calls++;
      });
      await page.goto(at(`/cabinet?lang=${lang}`));
      await page.click('#sms-send');
      await page.locator('#sms-error', { hasText: t('cabinet.iinRequired') }).waitFor();
      await expect(page.locator('#sms-error').textContent()).resolves.toBe(
        t('cabinet.iinRequired'),
      );
      expect(await page.getAttribute('#sms-iin', 'aria-invalid')).toBe('true');
      expect(calls).toBe(0);
      await context.close();
    }

    const who = persona('refused-child-adult');
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const context = await cabinetContext();
      const page = await context.newPage();
      await openSignedIn(context, page, who.iin, lang);
      await page.press('#apply-child', 'Enter');
      const required = t('cabinet.childIinRequired');
      await page.locator('#apply-child-error', { hasText: required }).waitFor();
      await expect(page.locator('#apply-child-error').textContent()).resolves.toBe(required);
      expect(await page.getAttribute('#apply-child', 'aria-invalid')).toBe('true');
      expect(await page.locator('#applications .card').count()).toBe(0);
      await context.close();
    }
  });

  it('offers no download of a revoked certificate and says it is void; a suspended one says so', async () => {
    const who = persona('issued-trusteeship-almaty');
    const api = await signedInAs(app.registry, who.iin);
    const officer = (path: string, body: unknown) =>
      app.registry.request(path, {
        method: 'POST',
        headers: asOfficer(ALMATY),
        body: JSON.stringify(body),
      });

    // One certificate revoked, then a second one issued and suspended.
    expect(
      (await apply(app.registry, api, { type: who.type, childIin: who.childIin })).status,
    ).toBe(202);
    const [first] = await certificatesOf(api, 1);
    const revoke = { reason: 'guardianship_terminated', comment: 'Внутренняя пометка' };
    expect((await officer(`/api/v1/certificates/${first?.id}/revoke`, revoke)).status).toBe(200);
    expect(
      (await apply(app.registry, api, { type: who.type, childIin: who.childIin })).status,
    ).toBe(202);
    const [second] = await certificatesOf(api, 2);
    const suspend = { reason: 'court_proceedings' };
    expect((await officer(`/api/v1/certificates/${second?.id}/suspend`, suspend)).status).toBe(200);

    const context = await cabinetContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openSignedIn(context, page, who.iin, 'ru');
    await page.locator('#certificates .card[data-status=revoked]').waitFor();

    const revoked = page.locator('#certificates .card[data-status=revoked]');
    await expect(revoked.locator('.revoked').first().textContent()).resolves.toBe(
      ru('cabinet.revoked'),
    );
    const notice = (await revoked.locator('.revoked-notice').textContent()) ?? '';
    expect(notice).toMatch(
      shaped(
        ru('cabinet.revokedNotice', { date: WILD, reason: ru('reasons.guardianship_terminated') }),
      ),
    );
    expect(notice).toContain('Справка больше не действительна');
    expect(notice).not.toContain('Внутренняя пометка');
    expect(await revoked.getByRole('link', { name: ru('cabinet.downloadPdf') }).count()).toBe(0);
    expect(await revoked.getByRole('link', { name: ru('cabinet.downloadPng') }).count()).toBe(0);

    // The application it was issued on no longer offers it either.
    const application = page.locator(`#applications .card`).last();
    await expect(application.textContent()).resolves.toContain(
      ru('cabinet.applicationCertificateRevoked'),
    );
    expect(await application.getByRole('link', { name: ru('cabinet.downloadPdf') }).count()).toBe(
      0,
    );

    // Suspended: said plainly, with its reason; the documents stay, since it may count again.
    const suspended = page.locator('#certificates .card[data-status=suspended]');
    await expect(suspended.locator('.suspended').textContent()).resolves.toBe(
      ru('cabinet.suspended'),
    );
    expect(await suspended.locator('.suspended-notice').textContent()).toMatch(
      shaped(
        ru('cabinet.suspendedNotice', { date: WILD, reason: ru('reasons.court_proceedings') }),
      ),
    );
    expect(await suspended.getByRole('link', { name: ru('cabinet.downloadPdf') }).count()).toBe(1);

    // The holder's own download of the revoked one is refused by the API too.
    const direct = await page.request.get(`/api/v1/cabinet/certificates/${first?.id}/document.pdf`);
    expect(direct.status()).toBe(409);
    expect(((await direct.json()) as { error: { code: string } }).error.code).toBe(
      'certificate_revoked',
    );

    await screenshot(page, 'cabinet-revoked-suspended-ru-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
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
    const kk = translator('kk');
    const wrong = `${kk('cabinet.error_otp_invalid')} ${kk('cabinet.otpAttemptsLeft', { left: 2 })}`;
    await page.locator('#sms-error', { hasText: wrong }).waitFor();
    await expect(page.locator('#sms-error').textContent()).resolves.toBe(wrong);
    expect(await page.getAttribute('#sms-code', 'aria-invalid')).toBe('true');

    // The second wrong try says one is left; the line of the sent code stays, it still holds.
    await page.press('#sms-code', 'Enter');
    const last = `${kk('cabinet.error_otp_invalid')} ${kk('cabinet.otpAttemptsLeft', { left: 1 })}`;
    await page.locator('#sms-error', { hasText: last }).waitFor();
    expect(await page.locator('#sms-sent').textContent()).not.toBe('');
    await context.close();
  });
});

/**
 * Regression: "the application was received, the term is 30 minutes" stayed at the top of the
 * cabinet while the card below already said refused or issued; and after signing in by SMS the
 * focus fell to <body>, leaving a screen reader at the top of the page.
 */
describe('the cabinet after sign-in and after an answer', { timeout: 120_000 }, () => {
  it('says "refused" at the top in place of "received" (kk)', async () => {
    const kk = translator('kk');
    const who = persona('refused-no-decision');
    const context = await cabinetContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openSignedIn(context, page, who.iin, 'kk');

    await page.fill('#apply-child', who.childIin);
    await page.click('#apply-form button[type=submit]');
    const card = page.locator('#applications .card').first();
    await card.locator('.status-text', { hasText: kk('cabinet.status_refused') }).waitFor();
    await page.locator('#cabinet-status', { hasText: kk('cabinet.appliedRefused') }).waitFor();
    await expect(page.locator('#cabinet-status').innerText()).resolves.toBe(
      'Өтінішіңіз қаралды: бас тартылды. Себебі «Менің өтініштерім» бөлімінде көрсетілген.',
    );
    await expect(page.locator('body').innerText()).resolves.not.toContain(kk('cabinet.applied'));
    await screenshot(page, 'cabinet-refused-outcome-kk-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts at the apply heading after SMS sign-in, and says "issued" at the top (en)', async () => {
    const en = translator('en');
    const who = persona('returning-applicant');
    const context = await cabinetContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(at('/cabinet?lang=en'));
    await page.fill('#sms-iin', who.iin);
    await page.click('#sms-send');
    await page.locator('#sms-code-step').waitFor();
    await page.fill('#sms-code', await codeFromOutbox(page));
    await page.click('#sms-verify');
    await page.locator('#account').waitFor();
    const focused = await page.evaluate(() => ({
      id: document.activeElement?.id,
      text: document.activeElement?.textContent?.trim(),
    }));
    expect(focused).toEqual({ id: 'apply-title', text: en('cabinet.applyTitle') });

    await page.fill('#apply-child', who.childIin);
    await page.click('#apply-form button[type=submit]');
    const card = page.locator('#applications .card').first();
    await card.locator('.status-text', { hasText: en('cabinet.status_issued') }).waitFor();
    await page.locator('#cabinet-status', { hasText: en('cabinet.appliedIssued') }).waitFor();
    await expect(page.locator('#cabinet-status').innerText()).resolves.toBe(
      'Your application has been answered: the certificate is issued. It is under ' +
        '"My certificates".',
    );
    await expect(page.locator('body').innerText()).resolves.not.toContain(en('cabinet.applied'));
    expect(errors).toEqual([]);
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
