import { readFile } from 'node:fs/promises';
import { encode } from 'fast-png';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../../src/domain/calendar.js';
import { demoPersonas, type Persona } from '../../src/gateway/fixture-data.js';
import { systemClock } from '../../src/runtime/clock.js';
import { day } from '../../src/web/i18n/dates.js';
import { LANGUAGES, type Language } from '../../src/web/i18n/languages.js';
import { translator } from '../../src/web/i18n/translator.js';
import { applyWithFile, PDF } from '../applications/support.js';
import { issue, tokenOf, verify } from '../e2e/client.js';
import { ALMATY, ASTANA } from '../support/app.js';
import { signedInAs } from '../support/citizen.js';
import { makeIin } from '../support/iin.js';
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
let app: BrowserApp;

beforeAll(async () => {
  // The wall clock, so the review queue's deadlines are the browser's "now" too.
  app = await startBrowserApp({ clock: systemClock, processing: { intervalMs: 200 } });
});
afterAll(async () => {
  await app?.close();
});

function persona(key: string): Persona {
  const found = demoPersonas(localDay(new Date())).find((p) => p.key === key);
  if (!found) throw new Error(`no demo persona ${key}`);
  return found;
}

/** A small PNG made by fast-png: the copy of a birth certificate an applicant attaches. */
function scanPng(): Uint8Array {
  const width = 40;
  const height = 30;
  const data = new Uint8Array(width * height * 3).fill(200);
  return encode({ width, height, data, channels: 3 });
}

async function signInAsOfficer(page: Page, token: string, lang: Language = 'ru') {
  await page.goto(`/console?lang=${lang}`);
  await page.fill('#officer-token', token);
  await page.click('#token-form button[type=submit]');
  await page.locator('#console:not([hidden]), #token-error:not(:empty)').first().waitFor();
  expect(await page.locator('#token-error').textContent()).toBe('');
}

interface Name {
  lastName: string;
  firstName: string;
  middleName: string | null;
}
const fullName = (p: Name) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

/** The Almaty officer's provider in Russian, as the console API names it. */
async function providerNameRu(): Promise<string> {
  const response = await app.registry.request('/api/v1/console/officer', { headers: ALMATY });
  return ((await response.json()) as { provider: { nameRu: string } }).provider.nameRu;
}

/** What the review API says the records hold, which the card must show. */
async function factsOf(id: string) {
  const response = await app.registry.request(`/api/v1/review/applications/${id}`, {
    headers: ALMATY,
  });
  expect(response.status).toBe(200);
  const { facts } = (await response.json()) as {
    facts: {
      decision: { number: string; date: string };
      applicant: Name;
      child: Name & { birthDate: string };
    };
  };
  return facts;
}

describe('the provider console', { timeout: 120_000 }, () => {
  it('works the review queue: the copy shown inline, then approved and issued', async () => {
    const who = persona('review-born-abroad');
    const headers = await signedInAs(app.registry, who.iin);
    const applied = await applyWithFile(
      app.registry,
      headers,
      { type: who.type, childIin: who.childIin },
      { bytes: scanPng(), name: 'birth.png', type: 'image/png' },
    );
    expect(applied.status).toBe(202);
    const { id } = (await applied.json()) as { id: string };

    const context = await app.context();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsOfficer(page, 'demo-officer-almaty');

    // The processing loop sends it to review within a moment; refresh until it is there.
    const card = page.locator(`#queue .card[data-id="${id}"]`);
    for (let i = 0; i < 40 && (await card.count()) === 0; i++) {
      await page.waitForTimeout(250);
      await page.click('#queue-refresh');
    }
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain(
      ru('console.deadline', { time: '' }).trim().split(' ')[0] ?? '',
    );
    expect(await card.textContent()).not.toContain(ru('console.overdue'));

    await card.getByRole('button', { name: ru('console.showAttachment') }).click();
    const image = card.locator('.attachment-preview img');
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
    await screenshot(page, 'console-queue-ru-desktop');

    // The records to compare with the copy, in Russian: names, birth date, decision, type.
    const facts = await factsOf(id);
    const shown = card.locator('.review-facts');
    await shown.locator('dl').waitFor();
    const terms = await shown.locator('dt').allTextContents();
    const values = await shown.locator('dd').allTextContents();
    expect(Object.fromEntries(terms.map((term, i) => [term, values[i]]))).toEqual({
      [ru('console.child_')]: fullName(facts.child),
      [ru('console.birthDate')]: day('ru', facts.child.birthDate),
      [ru('console.factsApplicant')]: fullName(facts.applicant),
      [ru('console.decision')]: ru('console.factsDecision', {
        number: facts.decision.number,
        date: day('ru', facts.decision.date),
        provider: await providerNameRu(),
      }),
      [ru('console.type')]: ru('console.guardianship'),
    });
    expect(await shown.textContent()).toContain(ru('console.factsTitle'));

    // Approving asks first, naming the child; Esc sends nothing and gives focus back.
    const approve = card.getByRole('button', { name: ru('console.approve') });
    await approve.click();
    const dialog = page.locator('#approve-dialog');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(true);
    await expect(page.locator('#approve-title').textContent()).resolves.toBe(
      ru('console.approveTitle', { id }),
    );
    await expect(page.locator('#approve-whom').textContent()).resolves.toBe(
      ru('console.approveWhom', {
        child: fullName(facts.child),
        birthDate: day('ru', facts.child.birthDate),
      }),
    );
    await screenshot(page, 'console-approve-ru-desktop');
    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
    await expect(approve.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    const waiting = await app.registry.request(`/api/v1/applications/${id}`, { headers });
    expect(((await waiting.json()) as { status: string }).status).toBe('review');

    await approve.click();
    await page.click('#approve-confirm');
    await page.locator('#console-status:not(:empty)').waitFor();
    await card.waitFor({ state: 'detached' });
    await expect(page.locator('#console-status').textContent()).resolves.toBe(
      ru('console.approved', { id }),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-status');
    await expect(card.count()).resolves.toBe(0);

    // The applicant's cabinet API says issued.
    const read = await app.registry.request(`/api/v1/applications/${id}`, { headers });
    expect(((await read.json()) as { status: string }).status).toBe('issued');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a phone in Kazakh: the records beside a PDF copy, and whose certificate approving signs', async () => {
    // After the first test's issuance the same applicant may apply again for the child.
    const who = persona('review-born-abroad');
    const headers = await signedInAs(app.registry, who.iin);
    const applied = await applyWithFile(
      app.registry,
      headers,
      { type: who.type, childIin: who.childIin },
      { bytes: PDF, name: 'birth.pdf', type: 'application/pdf' },
    );
    expect(applied.status).toBe(202);
    const { id } = (await applied.json()) as { id: string };
    const kk = translator('kk');

    const context = await app.context({ width: WIDTHS.phone });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsOfficer(page, 'demo-officer-almaty', 'kk');
    const card = page.locator(`#queue .card[data-id="${id}"]`);
    for (let i = 0; i < 40 && (await card.count()) === 0; i++) {
      await page.waitForTimeout(250);
      await page.click('#queue-refresh');
    }
    await card.locator('.review-facts dl').waitFor();
    const facts = await factsOf(id);
    const values = await card.locator('.review-facts dd').allTextContents();
    expect(values.slice(0, 3)).toEqual([
      fullName(facts.child),
      day('kk', facts.child.birthDate),
      fullName(facts.applicant),
    ]);
    expect(values[4]).toBe(kk('console.guardianship'));

    await card.getByRole('button', { name: kk('console.showAttachment') }).click();
    const link = card.locator('.attachment-preview a');
    await link.waitFor();
    await expect(link.textContent()).resolves.toBe(kk('console.openPdf'));

    await card.getByRole('button', { name: kk('console.approve') }).click();
    await expect(page.locator('#approve-whom').textContent()).resolves.toBe(
      kk('console.approveWhom', {
        child: fullName(facts.child),
        birthDate: day('kk', facts.child.birthDate),
      }),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('approve-cancel');
    await screenshot(page, 'console-approve-kk-phone');
    await page.click('#approve-cancel');
    await expect(
      page.locator('#approve-dialog').evaluate((d: HTMLDialogElement) => d.open),
    ).resolves.toBe(false);
    const waiting = await app.registry.request(`/api/v1/applications/${id}`, { headers });
    expect(((await waiting.json()) as { status: string }).status).toBe('review');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('revokes after a confirmation step; the verify API then says revoked', async () => {
    const certificate = await issue(app.registry, guardianshipRequest());
    const context = await app.context();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsOfficer(page, 'demo-officer-astana');

    await page.fill('#search-query', certificate.serial);
    await page.click('#search-form button[type=submit]');
    const row = page.locator(`#results li[data-serial="${certificate.serial}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Әбілқасымова Гүлнұр');

    // The first click only asks; cancelling leaves the certificate valid.
    await row.getByRole('button', { name: ru('console.revoke') }).click();
    const dialog = page.locator('#revoke-dialog');
    await expect(dialog.locator('h2').textContent()).resolves.toBe(
      ru('console.revokeTitle', { serial: certificate.serial }),
    );
    await page.click('#revoke-cancel');
    expect((await verify(app.registry, tokenOf(certificate.verifyUrl))).verdict).toBe('valid');

    await row.getByRole('button', { name: ru('console.revoke') }).click();
    await page.selectOption('#revoke-reason', 'guardianship_terminated');
    await page.fill('#revoke-comment', 'Решение 1-15/2400');
    await screenshot(page, 'console-revoke-ru-desktop');
    await page.click('#revoke-confirm');
    await page.locator('#console-status:not(:empty)').waitFor();
    await page
      .locator(`#results li[data-serial="${certificate.serial}"] .status-revoked`)
      .waitFor();
    await expect(page.locator('#console-status').textContent()).resolves.toBe(
      ru('console.revokedDone', { serial: certificate.serial }),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-status');
    const revoked = page.locator(`#results li[data-serial="${certificate.serial}"]`);
    await expect(revoked.locator('.status-revoked').textContent()).resolves.toBe(
      ru('console.status_revoked'),
    );
    // When and why, never "revoked until 2033".
    await expect(revoked.locator('.revocation').textContent()).resolves.toBe(
      ru('console.revokedOn', {
        date: day('ru', localDay(new Date())),
        reason: ru('reasons.guardianship_terminated'),
      }),
    );
    await expect(revoked.locator('.valid-until').count()).resolves.toBe(0);
    expect(await revoked.textContent()).not.toContain(
      ru('console.validTill', { date: day('ru', certificate.validUntil) }),
    );

    const verdict = await verify(app.registry, tokenOf(certificate.verifyUrl));
    expect(verdict.verdict).toBe('revoked');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows only the provider's own keys, and refuses a wrong token in words", async () => {
    const context = await app.context({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/console');
    await page.fill('#officer-token', 'not-an-officer-token');
    await page.click('#token-form button[type=submit]');
    await page.locator('#token-error:not(:empty)').waitFor();
    await expect(page.locator('#token-error').textContent()).resolves.toBe(
      translator('en')('console.error_unauthorized'),
    );

    await signInAsOfficer(page, 'demo-officer-astana', 'en');
    await page.locator('#keys tr').first().waitFor();
    const kids = await page.locator('#keys code').allTextContents();
    const jwks = (await (await app.registry.request('/.well-known/jwks.json')).json()) as {
      keys: { kid: string; provider: string }[];
    };
    const me = (await (
      await app.registry.request('/api/v1/console/officer', { headers: ASTANA })
    ).json()) as { provider: { id: string } };
    const astana = jwks.keys.filter((k) => k.provider === me.provider.id).map((k) => k.kid);
    expect(jwks.keys.length).toBeGreaterThan(astana.length);
    expect(kids.sort()).toEqual(astana.sort());
    expect(astana.length).toBeGreaterThan(0);
    await context.close();
  });

  it('says a bad IIN under its field, then issues once it is right', async () => {
    const context = await app.context();
    const page = await context.newPage();
    await signInAsOfficer(page, 'demo-officer-astana');
    // The sign-in form is gone; focus is on the console's first heading, not lost to <body>.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('queue-title');
    const good = guardianshipRequest();
    await page.selectOption('#issue-type', 'guardianship');
    await page.fill('#issue-guardian-iin', good.guardian.iin);
    await page.fill('#issue-guardian-lastName', good.guardian.lastName);
    await page.fill('#issue-guardian-firstName', good.guardian.firstName);
    await page.fill('#issue-child-iin', '123456789012');
    await page.fill('#issue-child-lastName', good.child.lastName);
    await page.fill('#issue-child-firstName', good.child.firstName);
    await page.fill('#issue-child-birthDate', good.child.birthDate);
    await page.fill('#issue-decision-number', good.decision.number);
    await page.fill('#issue-decision-date', good.decision.date);
    await page.click('#issue-form button[type=submit]');

    const error = page.locator('#issue-child-iin-error');
    await page.locator('#issue-child-iin-error:not(:empty)').waitFor();
    await expect(error.textContent()).resolves.toBe(ru('console.error_invalid_iin'));
    expect(await page.getAttribute('#issue-child-iin', 'aria-invalid')).toBe('true');

    await page.fill('#issue-child-iin', good.child.iin);
    await page.click('#issue-form button[type=submit]');

    // Said right under the form, with focus there and the PDF to download.
    const done = page.locator('#issue-done');
    await done.locator('a').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('issue-done');
    const text = (await done.textContent()) ?? '';
    const serial = /AST-2026-\d{6}/.exec(text)?.[0] ?? '';
    expect(text).toBe(
      `${ru('console.issued', { serial })} ${ru('console.downloadPdf', { serial })}`,
    );
    const link = done.getByRole('link', { name: ru('console.downloadPdf', { serial }) });
    expect(await link.getAttribute('download')).toBe(`${serial}.pdf`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${serial}.pdf`);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const box = await done.boundingBox();
    const form = await page.locator('#issue-form').boundingBox();
    expect(box && form && box.y >= form.y + form.height - 1).toBe(true);
    await context.close();
  });
});

const REQUIRED = [
  'guardian-iin',
  'guardian-lastName',
  'guardian-firstName',
  'child-iin',
  'child-lastName',
  'child-firstName',
  'child-birthDate',
  'decision-number',
  'decision-date',
];

/** The texts under the issue form's fields, by input id, for those that say something. */
async function fieldErrors(page: Page): Promise<Record<string, string>> {
  const said: Record<string, string> = {};
  for (const node of await page.locator('#issue-form .field-error[data-field]').all()) {
    const text = (await node.textContent()) ?? '';
    const id = ((await node.getAttribute('id')) ?? '').replace(/^issue-|-error$/g, '');
    if (text) said[id] = text;
  }
  return said;
}

describe('the issue form', { timeout: 120_000 }, () => {
  it.each(['ru', 'kk'] as const)(
    'empty, says in %s under each required field what is missing, sending nothing',
    async (lang) => {
      const t = translator(lang);
      const context = await app.context();
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signInAsOfficer(page, 'demo-officer-astana', lang);
      let posted = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/v1/certificates')) posted++;
      });

      await page.click('#issue-form button[type=submit]');
      await page.locator('#issue-error:not(:empty)').waitFor();
      expect(await fieldErrors(page)).toEqual(
        Object.fromEntries(REQUIRED.map((id) => [id, t('console.fieldRequired')])),
      );
      await expect(page.locator('#issue-error').textContent()).resolves.toBe(
        t('console.issueCheckFields'),
      );
      for (const id of REQUIRED) {
        expect(await page.getAttribute(`#issue-${id}`, 'aria-invalid'), id).toBe('true');
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('issue-guardian-iin');
      expect(await page.locator('#issue-form').textContent()).not.toMatch(/[a-z]{4,}/);
      await screenshot(page, `console-issue-empty-${lang}-desktop`);
      expect(posted).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('flags every bad field at once, each with its own words', async () => {
    const context = await app.context();
    const page = await context.newPage();
    await signInAsOfficer(page, 'demo-officer-astana');
    const good = guardianshipRequest();
    const badCheckDigit = `${good.child.iin.slice(0, 11)}${(Number(good.child.iin[11]) + 1) % 10}`;
    await page.fill('#issue-guardian-iin', '12345');
    await page.fill('#issue-guardian-lastName', 'Әбілқасымова2');
    await page.fill('#issue-guardian-firstName', good.guardian.firstName);
    await page.fill('#issue-child-iin', badCheckDigit);
    await page.fill('#issue-child-lastName', good.child.lastName);
    await page.fill('#issue-child-firstName', 'Әлиxан'); // a Latin x among Cyrillic letters
    await page.fill('#issue-child-birthDate', good.child.birthDate);
    await page.fill('#issue-decision-number', 'x'.repeat(51));
    await page.fill('#issue-decision-date', good.decision.date);
    await page.click('#issue-form button[type=submit]');

    await page.locator('#issue-error:not(:empty)').waitFor();
    expect(await fieldErrors(page)).toEqual({
      'guardian-iin': ru('console.fieldIinDigits'),
      'guardian-lastName': ru('console.fieldName'),
      'child-iin': ru('console.error_invalid_iin'),
      'child-firstName': ru('console.fieldName'),
      'decision-number': ru('console.fieldTooLong', { max: 50 }),
    });
    await context.close();
  });

  it("says a rule only the server knows in the page's language under its field", async () => {
    const context = await app.context();
    const page = await context.newPage();
    await signInAsOfficer(page, 'demo-officer-astana', 'kk');
    const good = guardianshipRequest();
    // A guardian's IIN of a ten-year-old: the age is the server's rule (it knows today).
    await page.fill('#issue-guardian-iin', makeIin('2016-05-17', 'female', 231));
    await page.fill('#issue-guardian-lastName', good.guardian.lastName);
    await page.fill('#issue-guardian-firstName', good.guardian.firstName);
    await page.fill('#issue-child-iin', good.child.iin);
    await page.fill('#issue-child-lastName', good.child.lastName);
    await page.fill('#issue-child-firstName', good.child.firstName);
    await page.fill('#issue-child-birthDate', good.child.birthDate);
    await page.fill('#issue-decision-number', good.decision.number);
    await page.fill('#issue-decision-date', good.decision.date);
    await page.click('#issue-form button[type=submit]');

    await page.locator('#issue-guardian-iin-error:not(:empty)').waitFor();
    const kk = translator('kk');
    expect(await fieldErrors(page)).toEqual({
      'guardian-iin': kk('console.error_guardian_not_adult'),
    });
    expect(await page.getAttribute('#issue-guardian-iin', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('issue-guardian-iin');
    await context.close();
  });
});

describe('the issue form and the calendar', { timeout: 120_000 }, () => {
  it.each(LANGUAGES)(
    'says in %s a birth date the IIN contradicts, a decision tomorrow and a validity ended',
    async (lang) => {
      const t = translator(lang);
      const context = await app.context();
      const page = await context.newPage();
      await signInAsOfficer(page, 'demo-officer-astana', lang);
      let posted = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/v1/certificates')) posted++;
      });
      const good = guardianshipRequest();
      const today = localDay(new Date());
      await page.fill('#issue-guardian-iin', good.guardian.iin);
      await page.fill('#issue-guardian-lastName', 'Әбілқасымова2');
      await page.fill('#issue-guardian-firstName', good.guardian.firstName);
      await page.fill('#issue-child-iin', good.child.iin);
      await page.fill('#issue-child-lastName', good.child.lastName);
      await page.fill('#issue-child-firstName', good.child.firstName);
      await page.fill('#issue-child-birthDate', '2018-03-10'); // the IIN says 2018-03-09
      await page.fill('#issue-decision-number', good.decision.number);
      await page.fill('#issue-decision-date', addDays(today, 1));
      await page.fill('#issue-validUntil', addDays(today, -1));
      await page.click('#issue-form button[type=submit]');

      await page.locator('#issue-error:not(:empty)').waitFor();
      expect(await fieldErrors(page)).toEqual({
        'guardian-lastName': t('console.fieldName'),
        'child-birthDate': t('console.error_iin_birth_date_mismatch'),
        'decision-date': t('console.fieldDecisionFuture'),
        validUntil: t('console.fieldValidUntilPast'),
      });
      for (const id of ['child-birthDate', 'decision-date', 'validUntil']) {
        expect(await page.getAttribute(`#issue-${id}`, 'aria-invalid'), id).toBe('true');
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('issue-guardian-lastName');
      expect(posted).toBe(0);
      await context.close();
    },
  );

  it('takes today as a decision date and as the last valid day', async () => {
    const context = await app.context();
    const page = await context.newPage();
    await signInAsOfficer(page, 'demo-officer-astana');
    const good = guardianshipRequest();
    const today = localDay(new Date());
    await page.fill('#issue-guardian-iin', good.guardian.iin);
    await page.fill('#issue-guardian-lastName', good.guardian.lastName);
    await page.fill('#issue-guardian-firstName', good.guardian.firstName);
    await page.fill('#issue-child-iin', good.child.iin);
    await page.fill('#issue-child-lastName', good.child.lastName);
    await page.fill('#issue-child-firstName', good.child.firstName);
    await page.fill('#issue-child-birthDate', good.child.birthDate);
    await page.fill('#issue-decision-number', good.decision.number);
    await page.fill('#issue-decision-date', today);
    await page.fill('#issue-validUntil', today);
    await page.click('#issue-form button[type=submit]');
    await page.locator('#issue-done a').waitFor();
    expect(await fieldErrors(page)).toEqual({});
    await context.close();
  });
});

describe('the console in every language', { timeout: 120_000 }, () => {
  it.each(LANGUAGES)(
    'reads in %s at 360 and 1280 px, with no serious axe violation',
    async (lang) => {
      const t = translator(lang);
      for (const [widthName, width] of Object.entries(WIDTHS)) {
        const context = await app.context({ width });
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await page.goto(`/console?lang=${lang}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expect(page.locator('h1').textContent()).resolves.toBe(t('console.title'));
        await page.locator('#officer-sign-in:not([hidden])').waitFor();
        expect(await seriousViolations(page)).toEqual([]);

        await signInAsOfficer(page, 'demo-officer-astana', lang);
        await page.locator('#keys tr').first().waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `console-${lang}-${widthName}`);
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      }
    },
  );

  it('switches language with the switcher', async () => {
    const context = await app.context();
    const page = await context.newPage();
    await page.goto('/console?lang=ru');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    await expect(page.locator('h1').textContent()).resolves.toBe(translator('en')('console.title'));
    await context.close();
  });
});
