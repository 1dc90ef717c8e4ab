import { encode } from 'fast-png';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/web/i18n/languages.js';
import { translator } from '../../src/web/i18n/translator.js';
import { type CertificateJson, download, issue, postRevoke, tokenOf } from '../e2e/client.js';
import { guardianshipRequest } from '../support/requests.js';
import { seriousViolations } from './axe.js';
import {
  type BrowserApp,
  collectPageErrors,
  screenshot,
  startBrowserApp,
  WIDTHS,
} from './harness.js';

const ru = translator('ru');
const en = translator('en');

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

async function frontPage(options: { width?: number; locale?: string } = {}) {
  const context = await app.context(options);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('/');
  // The keys are fetched as the page opens and kept for offline use.
  await page.waitForFunction(() => localStorage.getItem('registry.jwks.v1') !== null);
  return { context, page, errors };
}

async function upload(page: Page, name: string, mimeType: string, bytes: Uint8Array) {
  await page.setInputFiles('#upload', { name, mimeType, buffer: Buffer.from(bytes) });
  await page.locator('#result .verdict').waitFor();
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();

describe('the front page verifies an uploaded certificate', () => {
  let certificate: CertificateJson;
  let png: Uint8Array;

  beforeAll(async () => {
    certificate = await issue(app.registry);
    png = await download(app.registry, certificate.id, 'png');
  });

  it('judges the PNG of a freshly issued certificate valid: signature and status apart', async () => {
    const { page, errors } = await frontPage({ width: WIDTHS.phone });
    await upload(page, 'certificate.png', 'image/png', png);

    await expect(text(page, '#result .verdict-text')).resolves.toBe(ru('verdict.valid'));
    await expect(page.locator('#result .verdict-valid').count()).resolves.toBe(1);
    await expect(page.locator('#check-signature').getAttribute('data-tone')).resolves.toBe('ok');
    await expect(text(page, '#check-signature')).resolves.toContain(ru('result.signatureValid'));
    await expect(page.locator('#check-status').getAttribute('data-tone')).resolves.toBe('ok');
    await expect(text(page, '#result .serial')).resolves.toBe(certificate.serial);

    // "Status checked 14:03:12, 0 seconds ago", and it keeps counting.
    const first = await text(page, '#check-status .status-time');
    expect(first).toMatch(/^Статус проверен в \d{1,2}:\d{2}:\d{2}, \d+ секунд\S* назад$/);
    await page.waitForTimeout(2100);
    expect(await text(page, '#check-status .status-time')).not.toBe(first);

    await screenshot(page, 'front-door-valid-ru-phone');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says "revoked" with the reason after the akimat revokes it', async () => {
    const other = await issue(
      app.registry,
      guardianshipRequest({ decision: { number: '1-15/2399', date: '2026-11-21' } }),
    );
    const otherPng = await download(app.registry, other.id, 'png');
    const { page } = await frontPage({ locale: 'en-GB' });
    await upload(page, 'certificate.png', 'image/png', otherPng);
    await expect(text(page, '#result .verdict-text')).resolves.toBe(en('verdict.valid'));

    const revoked = await postRevoke(app.registry, other.id, { reason: 'guardianship_terminated' });
    expect(revoked.status).toBe(200);

    await page.reload();
    await upload(page, 'certificate.png', 'image/png', otherPng);
    await expect(text(page, '#result .verdict-text')).resolves.toBe('Revoked');
    await expect(page.locator('#check-status').getAttribute('data-tone')).resolves.toBe('bad');
    await expect(text(page, '#check-status')).resolves.toContain(
      'Guardianship (trusteeship) ended',
    );
    await expect(text(page, '#result .reason')).resolves.toBe('Guardianship (trusteeship) ended');
    // What to do, and no "compare with the paper" or bare "Valid" dates under "Revoked".
    await expect(text(page, '#result .verdict-advice')).resolves.toBe(
      'Do not accept this certificate. Its holder should contact the body that issued it: ' +
        'Akimat of Astana city.',
    );
    await expect(text(page, '#result .details')).resolves.not.toContain(en('labels.compare'));
    await expect(
      page.locator('#result dt', { hasText: en('labels.validityRevoked') }).count(),
    ).resolves.toBe(1);
    // The signature is still the akimat's own: revoked, not forged.
    await expect(page.locator('#check-signature').getAttribute('data-tone')).resolves.toBe('ok');
    await screenshot(page, 'front-door-revoked-en-desktop');
  });

  it('reads the QR code out of the PDF when the server does not read PDFs', async () => {
    const pdf = await download(app.registry, certificate.id, 'pdf');
    const { page } = await frontPage();
    await upload(page, 'certificate.pdf', 'application/pdf', pdf);

    await expect(text(page, '#result .verdict-text')).resolves.toBe(ru('verdict.valid'));
    await expect(page.locator('#check-signature').getAttribute('data-tone')).resolves.toBe('ok');
  });

  it('judges the signature in the page with the network cut after the page and keys loaded', async () => {
    const { context, page, errors } = await frontPage({ locale: 'en-GB' });
    await context.setOffline(true);
    await upload(page, 'certificate.png', 'image/png', png);

    await expect(text(page, '#result .verdict-text')).resolves.toBe(
      'Signature authentic; registry status not available offline.',
    );
    await expect(page.locator('#check-signature').getAttribute('data-tone')).resolves.toBe('ok');
    await expect(page.locator('#check-status').getAttribute('data-tone')).resolves.toBe('unknown');
    await expect(text(page, '#check-status')).resolves.toContain(
      'Signature authentic; registry status not available offline.',
    );
    // The signed token states the validity window even offline.
    await expect(text(page, '#result .details')).resolves.toContain(
      `${certificate.validFrom.split('-').reverse().join('.')} – `,
    );
    await screenshot(page, 'front-door-offline-en-desktop');

    // Back online, asking again brings the status.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Ask for the status again' }).click();
    await page.locator('#check-status[data-tone="ok"]').waitFor();
    await expect(text(page, '#result .verdict-text')).resolves.toBe('Authentic and valid');
    expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
  it('opens again without a network (service worker) and still judges the signature', async () => {
    const { context, page } = await frontPage({ locale: 'en-GB' });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Once controlled, the page and its modules pass through the worker and are kept.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1').innerText()).resolves.toBe('Certificate verification');
    await upload(page, 'certificate.png', 'image/png', png);
    await expect(page.locator('#check-signature').getAttribute('data-tone')).resolves.toBe('ok');
    await expect(text(page, '#result .verdict-text')).resolves.toBe(
      'Signature authentic; registry status not available offline.',
    );
  });
});

describe('the front page judges links and serials', () => {
  it('calls a tampered link invalid, with the signature check failing in the page', async () => {
    const certificate = await issue(app.registry);
    const token = tokenOf(certificate.verifyUrl);
    // Change one character of the signature part (the last characters of the token).
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${certificate.verifyUrl.slice(0, -2)}${last}${token.at(-1)}`;

    const { page } = await frontPage();
    await page.fill('#code', tampered);
    await page.click('#paste-form button[type=submit]');
    await page.locator('#result .verdict').waitFor();

    await expect(text(page, '#result .verdict-text')).resolves.toBe(ru('verdict.invalid'));
    await expect(text(page, '#result .verdict-cause')).resolves.toBe(ru('cause.signature'));
    await expect(text(page, '#result .verdict-advice')).resolves.toBe(
      'Возможно, это подделка. Не принимайте справку.',
    );
    await expect(page.locator('#check-signature').getAttribute('data-tone')).resolves.toBe('bad');
    await expect(page.locator('#check-status').getAttribute('data-tone')).resolves.toBe('bad');
    await screenshot(page, 'front-door-invalid-ru-desktop');
  });

  it('names the other site of a QR code that leads elsewhere, and follows nothing', async () => {
    const { page } = await frontPage({ locale: 'en-GB' });
    await page.fill('#code', 'https://verify-example.kz.evil.test/V/AAAA');
    await page.click('#paste-form button[type=submit]');

    await expect(text(page, '#paste-message')).resolves.toBe(
      'This QR code leads to another site: verify-example.kz.evil.test. Only verify.example.kz ' +
        'verifies certificates. Do not enter anything there.',
    );
    await expect(page.locator('#result').isHidden()).resolves.toBe(true);
  });

  it('finds a certificate by its serial and the child’s IIN, and not by a wrong IIN', async () => {
    const request = guardianshipRequest();
    const certificate = await issue(app.registry, request);
    const { page } = await frontPage();

    await page.fill('#serial', certificate.serial.toLowerCase());
    await page.fill('#iin', request.guardian.iin === request.child.iin ? '' : request.child.iin);
    await page.click('#lookup-form button[type=submit]');
    await page.locator('#result .verdict').waitFor();
    await expect(text(page, '#result .verdict-text')).resolves.toBe(ru('verdict.valid'));
    await expect(text(page, '#check-signature')).resolves.toContain(ru('result.signatureNone'));
    await expect(text(page, '#result .serial')).resolves.toBe(certificate.serial);

    await page.fill('#iin', '850412430212');
    await page.click('#lookup-form button[type=submit]');
    // The answer comes from the server: wait for it, then check it is the whole message.
    await page.locator('#lookup-message', { hasText: ru('home.lookupNoMatch') }).waitFor();
    await expect(text(page, '#lookup-message')).resolves.toBe(ru('home.lookupNoMatch'));
    await expect(page.locator('#result').isHidden()).resolves.toBe(true);
  });
});

/**
 * Regression: after a valid certificate, a foreign link, a garbage text or an unknown serial only
 * put a small message under its form, while the big green verdict and the previous certificate's
 * details stayed at the top of the page. Each new attempt now takes the previous result away.
 */
describe('a new attempt on the front page never leaves the previous verdict showing', () => {
  let certificate: CertificateJson;

  beforeAll(async () => {
    certificate = await issue(app.registry);
  });

  async function validFirst() {
    const context = await app.context();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/?lang=ru');
    await page.waitForFunction(() => localStorage.getItem('registry.jwks.v1') !== null);

    await page.fill('#code', certificate.verifyUrl);
    await page.getByRole('button', { name: 'Проверить', exact: true }).click();
    await page.locator('#result .verdict-valid').waitFor();
    await expect(text(page, '#result .verdict-text')).resolves.toBe(
      'Справка подлинная и действительна',
    );
    await expect(text(page, '#result .serial')).resolves.toBe(certificate.serial);
    return { page, errors };
  }

  /** Nothing of the earlier certificate is left: no verdict, no serial, no green. */
  async function expectNoResult(page: Page) {
    await expect(page.locator('#result').isHidden()).resolves.toBe(true);
    await expect(page.locator('.verdict').count()).resolves.toBe(0);
    await expect(page.locator('body').innerText()).resolves.not.toContain(certificate.serial);
    await expect(page.locator('body').innerText()).resolves.not.toContain(
      'Справка подлинная и действительна',
    );
  }

  it('valid, then the same token on a foreign host: only the foreign-site warning', async () => {
    const { page, errors } = await validFirst();
    const token = tokenOf(certificate.verifyUrl);

    await page.fill('#code', `https://evil.example/v/${token}`);
    await page.getByRole('button', { name: 'Проверить', exact: true }).click();
    await expect(text(page, '#paste-message')).resolves.toBe(
      'Этот QR-код ведёт на другой сайт: evil.example. Справки проверяет только ' +
        'verify.example.kz. Не вводите там никаких данных.',
    );
    await expectNoResult(page);
    await screenshot(page, 'front-door-valid-then-foreign-ru-desktop');
    expect(errors).toEqual([]);
  });

  it('valid, then "hello": only "this is not a link"', async () => {
    const { page, errors } = await validFirst();

    await page.fill('#code', 'hello');
    await page.getByRole('button', { name: 'Проверить', exact: true }).click();
    await expect(text(page, '#paste-message')).resolves.toBe(ru('home.notALink'));
    await expectNoResult(page);
    expect(errors).toEqual([]);
  });

  it('valid, then an unknown serial and IIN: only "not found"', async () => {
    const { page, errors } = await validFirst();

    await page.fill('#serial', 'AST-2026-000099');
    await page.fill('#iin', '900315410004');
    await page.click('#lookup-form button[type=submit]');
    const notFound =
      'Справка с таким номером и ИИН не найдена. Проверьте номер и ИИН по бумажной справке.';
    // The answer comes from the server: wait for it, then check it is the whole message.
    await page.locator('#lookup-message', { hasText: notFound }).waitFor();
    await expect(text(page, '#lookup-message')).resolves.toBe(notFound);
    await expectNoResult(page);
    // The earlier paste form's message is not left behind either.
    await expect(page.locator('#paste-message').innerText()).resolves.toBe('');
    expect(errors).toEqual([]);
  });

  it('valid, then a file with no QR code: only "no QR code found"', async () => {
    const { page, errors } = await validFirst();

    await page.setInputFiles('#upload', {
      name: 'blank.png',
      mimeType: 'image/png',
      buffer: Buffer.from(blankPng()),
    });
    await page.locator('#upload-message', { hasText: ru('home.noQr') }).waitFor();
    await expect(text(page, '#upload-message')).resolves.toBe(ru('home.noQr'));
    await expectNoResult(page);
    expect(errors).toEqual([]);
  });
});

describe('the verify page says what to do when the certificate must not be accepted', () => {
  const DO_NOT_ACCEPT: Record<Language, string> = {
    kk: 'Анықтаманы қабылдамаңыз.',
    ru: 'Не принимайте справку.',
    en: 'Do not accept this certificate.',
  };
  const ISSUER: Record<Language, string> = {
    kk: 'Астана қаласының әкімдігі',
    ru: 'Акимат города Астаны',
    en: 'Akimat of Astana city',
  };
  let revokedPath: string;

  beforeAll(async () => {
    const certificate = await issue(
      app.registry,
      guardianshipRequest({ decision: { number: '1-15/2888', date: '2026-11-20' } }),
    );
    const revoked = await postRevoke(app.registry, certificate.id, { reason: 'superseded' });
    expect(revoked.status).toBe(200);
    revokedPath = new URL(certificate.verifyUrl).pathname;
  });

  it.each(LANGUAGES)('revoked, in %s: do not accept, whom to ask, dates labelled', async (lang) => {
    const t = translator(lang);
    const context = await app.context();
    const page = await context.newPage();
    await page.goto(`${revokedPath}?lang=${lang}`);

    await expect(text(page, '.verdict-text')).resolves.toBe(t('verdict.revoked'));
    const advice = await text(page, '.verdict-advice');
    expect(advice.startsWith(DO_NOT_ACCEPT[lang])).toBe(true);
    expect(advice).toContain(ISSUER[lang]);
    await expect(page.locator('main').innerText()).resolves.not.toContain(t('labels.compare'));
    await expect(
      page.locator('dt', { hasText: t('labels.validityRevoked') }).count(),
    ).resolves.toBe(1);
    await screenshot(page, `verify-revoked-${lang}-desktop`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/** A white 64×64 PNG: an image with no QR code in it. */
function blankPng(): Uint8Array {
  const data = new Uint8Array(64 * 64 * 3).fill(255);
  return encode({ width: 64, height: 64, data, channels: 3 });
}

/**
 * Regression: Chromium has no Kazakh month names, so Intl printed "2026 M12 4" on the cabinet and
 * the console; the browser modules now write Kazakh dates with our own month names.
 */
describe('Kazakh dates in the pages the browser draws', () => {
  it('the console writes "2029 ж. 4 желтоқсан дейін", not "2029 M12 4"', async () => {
    const certificate = await issue(
      app.registry,
      guardianshipRequest({
        decision: { number: '1-15/2777', date: '2026-11-20' },
        validUntil: '2029-12-04',
      }),
    );
    const context = await app.context({ locale: 'kk-KZ' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/console?lang=kk');
    await page.fill('#officer-token', 'demo-officer-astana');
    await page.click('#token-form button[type=submit]');
    await page.locator('#console:not([hidden])').waitFor();

    await page.fill('#search-query', certificate.serial);
    await page.click('#search-form button[type=submit]');
    const row = page.locator(`#results li[data-serial="${certificate.serial}"]`);
    await row.waitFor();
    await expect(row.locator('.hint').innerText()).resolves.toBe('2029 ж. 4 желтоқсан дейін');
    await expect(page.locator('body').innerText()).resolves.not.toMatch(/M\d{1,2}\b/);
    expect(errors).toEqual([]);
  });
});
