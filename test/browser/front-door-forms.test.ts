import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iinCheckDigit } from '../../src/domain/iin.js';
import { translator } from '../../src/web/i18n/translator.js';
import { type CertificateJson, download, issue, tokenOf } from '../e2e/client.js';
import { guardianshipRequest } from '../support/requests.js';
import { type BrowserApp, collectPageErrors, screenshot, startBrowserApp } from './harness.js';

const en = translator('en');
const ru = translator('ru');

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

/** The front page in a language, its keys fetched, counting the lookups it sends. */
async function frontPage(lang: 'en' | 'ru') {
  const context = await app.context({ locale: lang === 'en' ? 'en-GB' : 'ru-RU' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const lookups: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/verify/lookup')) lookups.push(request.postData() ?? '');
  });
  await page.goto(`/?lang=${lang}`);
  await page.waitForFunction(() => localStorage.getItem('registry.jwks.v1') !== null);
  return { page, errors, lookups };
}

/** Twelve digits with the right check digit for the first eleven. */
function withCheckDigit(first11: string): string {
  const check = iinCheckDigit(first11);
  if (check === null) throw new Error(`no check digit for ${first11}`);
  return `${first11}${check}`;
}

const value = (page: Page, selector: string) => page.locator(selector).inputValue();
const text = (page: Page, selector: string) => page.locator(selector).innerText();

async function lookUp(page: Page, serial: string, iin: string) {
  await page.fill('#serial', serial);
  await page.fill('#iin', iin);
  await page.click('#lookup-form button[type=submit]');
}

/** The field carries the message: marked invalid, described by it, focused. */
async function expectFieldProblem(page: Page, field: 'serial' | 'iin', message: string) {
  await page.locator(`#${field}-error`, { hasText: message }).waitFor();
  await expect(text(page, `#${field}-error`)).resolves.toBe(message);
  await expect(page.getAttribute(`#${field}`, 'aria-invalid')).resolves.toBe('true');
  const describedBy = (await page.getAttribute(`#${field}`, 'aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(`${field}-error`);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/**
 * Regression: a 12-digit IIN with a wrong check digit came back as "IIN: exactly 12 digits."
 * under the button, with the field neither marked nor described by it. The page now judges
 * both fields by the API's own rules before sending, and says what is wrong under the field.
 */
describe('the lookup form says under each field what is wrong with it', () => {
  it('names a wrong check digit under the IIN, marks the field and sends nothing', async () => {
    const { page, errors, lookups } = await frontPage('en');
    await lookUp(page, 'ast-2026-000001', '850412430213');

    await expectFieldProblem(page, 'iin', en('home.lookupIinCheckDigit'));
    expect(en('home.lookupIinCheckDigit')).toBe(
      "The IIN's digits do not add up: a digit is probably mistyped. Check it against the " +
        'paper certificate.',
    );
    await expect(focused(page)).resolves.toBe('iin');
    await expect(text(page, '#lookup-message')).resolves.toBe('');
    await expect(text(page, '#serial-error')).resolves.toBe('');
    await expect(page.getAttribute('#serial', 'aria-invalid')).resolves.toBeNull();
    expect(lookups).toEqual([]);
    await screenshot(page, 'front-door-lookup-check-digit-en-desktop');
    expect(errors).toEqual([]);
  });

  it.each([
    ['empty', '', 'home.lookupIinMissing'],
    ['eleven digits', '85041243021', 'home.lookupBadIin'],
    ['a letter', '85041243021O', 'home.lookupBadIin'],
    ['a century digit of 0', withCheckDigit('85041200021'), 'home.lookupIinNotReal'],
    ['the 13th month', withCheckDigit('85130430021'), 'home.lookupIinNotReal'],
  ] as const)('says so for an IIN that is %s', async (_, iin, key) => {
    const { page, lookups } = await frontPage('en');
    await lookUp(page, 'AST-2026-000001', iin);

    await expectFieldProblem(page, 'iin', en(key));
    expect(lookups).toEqual([]);
  });

  it.each([
    ['empty', '', 'home.lookupSerialMissing'],
    ['only spaces', '   ', 'home.lookupSerialMissing'],
    ['without hyphens', 'AST 2026 000001', 'home.lookupBadSerial'],
    ['missing its year', 'AST-000001', 'home.lookupBadSerial'],
  ] as const)(
    'says so for a serial that is %s, and for both fields at once',
    async (_, serial, key) => {
      const { page, lookups } = await frontPage('ru');
      await lookUp(page, serial, '850412430213');

      await expectFieldProblem(page, 'serial', ru(key));
      await expectFieldProblem(page, 'iin', ru('home.lookupIinCheckDigit'));
      await expect(focused(page)).resolves.toBe('serial');
      expect(lookups).toEqual([]);
    },
  );

  it('takes the marks away once both fields are right', async () => {
    const { page, lookups } = await frontPage('ru');
    await lookUp(page, '', '850412430213');
    await expectFieldProblem(page, 'iin', ru('home.lookupIinCheckDigit'));

    await lookUp(page, 'AST-2026-000099', '850412430212');
    await page.locator('#lookup-message', { hasText: ru('home.lookupNoMatch') }).waitFor();
    for (const field of ['serial', 'iin']) {
      await expect(text(page, `#${field}-error`)).resolves.toBe('');
      await expect(page.getAttribute(`#${field}`, 'aria-invalid')).resolves.toBeNull();
    }
    expect(lookups).toHaveLength(1);
  });
});

/**
 * Regression: after a check from one form the others still held the earlier serial, the full
 * IIN and an earlier link, on a shared computer beside a verdict about another certificate.
 */
describe('a check leaves no earlier input behind', () => {
  let certificate: CertificateJson;
  let childIin: string;
  let pdf: Uint8Array;

  beforeAll(async () => {
    const request = guardianshipRequest();
    childIin = request.child.iin;
    certificate = await issue(app.registry, request);
    pdf = await download(app.registry, certificate.id, 'pdf');
  });

  it('a lookup clears the IIN once answered and keeps the serial; it empties the link field', async () => {
    const { page, errors } = await frontPage('ru');
    await page.fill('#code', certificate.verifyUrl);
    await lookUp(page, certificate.serial, childIin);

    await page.locator('#result .verdict-valid').waitFor();
    await expect(text(page, '#result .serial')).resolves.toBe(certificate.serial);
    await expect(value(page, '#iin')).resolves.toBe('');
    await expect(value(page, '#serial')).resolves.toBe(certificate.serial);
    await expect(value(page, '#code')).resolves.toBe('');
    await expect(page.locator('body').innerText()).resolves.not.toContain(childIin);

    // Not found is an answer too: the IIN goes.
    await lookUp(page, 'AST-2026-000099', '850412430212');
    await page.locator('#lookup-message', { hasText: ru('home.lookupNoMatch') }).waitFor();
    await expect(value(page, '#iin')).resolves.toBe('');
    await expect(value(page, '#serial')).resolves.toBe('AST-2026-000099');
    expect(errors).toEqual([]);
  });

  it('an upload empties the link, the serial and the IIN', async () => {
    const { page, errors } = await frontPage('ru');
    await page.fill('#code', 'https://verify.example.kz/V/EARLIER');
    await page.fill('#serial', 'AST-2026-000099');
    await page.fill('#iin', childIin);

    await page.setInputFiles('#upload', {
      name: 'certificate.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await page.locator('#result .verdict-valid').waitFor();
    for (const field of ['#code', '#serial', '#iin']) {
      await expect(value(page, field)).resolves.toBe('');
    }
    await screenshot(page, 'front-door-upload-clears-forms-ru-desktop');
    expect(errors).toEqual([]);
  });

  it('a pasted link empties the serial, the IIN and the chosen file', async () => {
    const { page, errors } = await frontPage('ru');
    await page.setInputFiles('#upload', {
      name: 'certificate.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await page.locator('#result .verdict-valid').waitFor();
    await page.fill('#serial', certificate.serial);
    await page.fill('#iin', childIin);

    await page.fill('#code', certificate.verifyUrl);
    await page.click('#paste-form button[type=submit]');
    await page.locator('#result .verdict-valid').waitFor();
    await expect(value(page, '#serial')).resolves.toBe('');
    await expect(value(page, '#iin')).resolves.toBe('');
    await expect(
      page.locator('#upload').evaluate((el: HTMLInputElement) => el.files?.length),
    ).resolves.toBe(0);
    await expect(value(page, '#code')).resolves.toBe(certificate.verifyUrl);
    expect(errors).toEqual([]);
  });
});

/**
 * Regression: after a pasted link's verdict, switching language reloaded the front page with
 * the verdict gone. The language links now lead to the certificate's own verify page.
 */
describe('switching language after a verdict', () => {
  let certificate: CertificateJson;
  let childIin: string;

  beforeAll(async () => {
    const request = guardianshipRequest();
    childIin = request.child.iin;
    certificate = await issue(app.registry, request);
  });

  it('keeps the verdict on a pasted link: English opens its verify page in English', async () => {
    const { page, errors } = await frontPage('ru');
    await page.fill('#code', certificate.verifyUrl);
    await page.click('#paste-form button[type=submit]');
    await page.locator('#result .verdict-valid').waitFor();

    const token = tokenOf(certificate.verifyUrl);
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/v/${token}`);
    expect(new URL(page.url()).search).toBe('?lang=en');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await expect(text(page, '.verdict-text')).resolves.toBe(en('verdict.valid'));
    await expect(page.locator('body').innerText()).resolves.toContain(certificate.serial);
    await screenshot(page, 'front-door-link-then-english-desktop');
    expect(errors).toEqual([]);
  });

  it('a later attempt takes the links back to the front page', async () => {
    const { page } = await frontPage('ru');
    await page.fill('#code', certificate.verifyUrl);
    await page.click('#paste-form button[type=submit]');
    await page.locator('#result .verdict-valid').waitFor();
    const english = page.getByRole('link', { name: 'English', exact: true });
    await expect(english.getAttribute('href')).resolves.toMatch(/^\/v\/[A-Z2-7]+\?lang=en$/);

    await page.fill('#code', 'hello');
    await page.click('#paste-form button[type=submit]');
    await expect(text(page, '#paste-message')).resolves.toBe(ru('home.notALink'));
    await expect(english.getAttribute('href')).resolves.toBe('/?lang=en');
  });

  it('after a lookup the links stay on the front page, and never carry the IIN', async () => {
    const { page } = await frontPage('ru');
    await lookUp(page, certificate.serial, childIin);
    await page.locator('#result .verdict-valid').waitFor();

    const hrefs = await page
      .locator('nav.languages a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(['/?lang=kk', '/?lang=ru', '/?lang=en']);
  });
});
