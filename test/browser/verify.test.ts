import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    await expect(text(page, '#lookup-message')).resolves.toBe(ru('home.lookupNoMatch'));
  });
});
