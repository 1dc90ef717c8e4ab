import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/runtime/clock.js';
import { translator } from '../../src/web/i18n/translator.js';
import { hashOfficerToken } from '../../src/web/middleware/officer-auth.js';
import { issue, tokenOf, verify } from '../e2e/client.js';
import { ASTANA, asOfficer } from '../support/app.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';
import { type BrowserApp, collectPageErrors, screenshot, startBrowserApp } from './harness.js';

const ru = translator('ru');
let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp({ clock: systemClock });
  // An officer who issues but may not change a certificate's status (no `revoker` role).
  await app.registry.store.transaction(async (tx) => {
    await app.registry.store.insertOfficer(tx, {
      id: 'off_astana_clerk',
      providerId: 'prv_astana',
      fullName: 'Тестов Тест',
      tokenHash: hashOfficerToken('test-astana-issuer-only'),
      roles: ['issuer', 'reviewer'],
      createdAt: new Date('2026-01-01T00:00:00Z'),
      disabledAt: null,
    });
  });
});
afterAll(async () => {
  await app?.close();
});

async function signIn(page: Page, token: string) {
  await page.goto('/console?lang=ru');
  await page.fill('#officer-token', token);
  await page.click('#token-form button[type=submit]');
  await page.locator('#console:not([hidden])').waitFor();
}

async function find(page: Page, serial: string) {
  await page.fill('#search-query', serial);
  await page.click('#search-form button[type=submit]');
  const row = page.locator(`#results li[data-serial="${serial}"]`);
  await row.waitFor();
  return row;
}

async function suspendByApi(id: string) {
  const response = await app.registry.request(`/api/v1/certificates/${id}/suspend`, {
    method: 'POST',
    headers: asOfficer(ASTANA),
    body: JSON.stringify({ reason: 'court_proceedings' }),
  });
  expect(response.status).toBe(200);
}

describe('suspension in the console', { timeout: 120_000 }, () => {
  it('shows a suspended certificate in words, with its reason, reinstate and revoke', async () => {
    const certificate = await issue(app.registry, guardianshipRequest());
    await suspendByApi(certificate.id);
    const context = await app.context();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, 'demo-officer-astana');

    const row = await find(page, certificate.serial);
    await expect(row.locator('.status-suspended').textContent()).resolves.toBe(
      ru('console.status_suspended'),
    );
    await expect(row.locator('.suspension-reason').textContent()).resolves.toBe(
      ru('console.suspensionReason', { reason: ru('reasons.court_proceedings') }),
    );
    expect(await row.textContent()).not.toContain('console.');
    const buttons = await row.locator('button').allTextContents();
    expect(buttons).toEqual([
      ru('console.openDocument'),
      ru('console.reinstate'),
      ru('console.revoke'),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('suspends and reinstates through dialogs; Esc closes one and sends nothing', async () => {
    const certificate = await issue(app.registry, guardianshipRequest());
    const token = tokenOf(certificate.verifyUrl);
    const context = await app.context();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, 'demo-officer-astana');
    let row = await find(page, certificate.serial);

    // Esc: the dialog closes, focus is back on the button, the certificate still valid.
    const suspend = row.getByRole('button', { name: ru('console.suspend') });
    await suspend.click();
    const dialog = page.locator('#suspend-dialog');
    await expect(dialog.locator('h2').textContent()).resolves.toBe(
      ru('console.suspendTitle', { serial: certificate.serial }),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suspend-reason');
    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
    await expect(suspend.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    expect((await verify(app.registry, token)).verdict).toBe('valid');

    // The reasons are the API's three, in Russian.
    await suspend.click();
    await expect(page.locator('#suspend-reason option').allTextContents()).resolves.toEqual([
      ru('reasons.court_proceedings'),
      ru('reasons.under_review'),
      ru('reasons.document_lost'),
    ]);
    await page.selectOption('#suspend-reason', 'document_lost');
    await page.fill('#suspend-comment', 'Заявление владельца об утере');
    await screenshot(page, 'console-suspend-ru-desktop');
    await page.click('#suspend-confirm');
    await row.locator('.status-suspended').waitFor();
    await expect(page.locator('#console-status').textContent()).resolves.toBe(
      ru('console.suspendedDone', { serial: certificate.serial }),
    );
    // The row was drawn again; focus is on the result, not lost to <body>.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-status');
    await expect(row.locator('.suspension-reason').textContent()).resolves.toBe(
      ru('console.suspensionReason', { reason: ru('reasons.document_lost') }),
    );
    expect((await verify(app.registry, token)).verdict).toBe('suspended');

    row = await find(page, certificate.serial);
    await row.getByRole('button', { name: ru('console.reinstate') }).click();
    await expect(page.locator('#reinstate-dialog h2').textContent()).resolves.toBe(
      ru('console.reinstateTitle', { serial: certificate.serial }),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reinstate-comment');
    await page.fill('#reinstate-comment', 'Справка нашлась');
    await page.click('#reinstate-confirm');
    await row.locator('.status-active').waitFor();
    await expect(page.locator('#console-status').textContent()).resolves.toBe(
      ru('console.reinstatedDone', { serial: certificate.serial }),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-status');
    await expect(row.locator('.status-active').textContent()).resolves.toBe(
      ru('console.status_active'),
    );
    expect((await verify(app.registry, token)).verdict).toBe('valid');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('revokes a suspended certificate', async () => {
    const certificate = await issue(app.registry, guardianshipRequest());
    await suspendByApi(certificate.id);
    const context = await app.context();
    const page = await context.newPage();
    await signIn(page, 'demo-officer-astana');
    const row = await find(page, certificate.serial);

    await row.getByRole('button', { name: ru('console.revoke') }).click();
    await page.selectOption('#revoke-reason', 'court_decision');
    await page.click('#revoke-confirm');
    await row.locator('.status-revoked').waitFor();
    await expect(page.locator('#console-status').textContent()).resolves.toBe(
      ru('console.revokedDone', { serial: certificate.serial }),
    );
    await expect(row.locator('button').allTextContents()).resolves.toEqual([
      ru('console.openDocument'),
    ]);
    expect((await verify(app.registry, tokenOf(certificate.verifyUrl))).verdict).toBe('revoked');
    await context.close();
  });

  it('offers no status change to an officer without the revoker role', async () => {
    const active = await issue(app.registry, guardianshipRequest());
    const suspended = await issue(app.registry, trusteeshipRequest());
    await suspendByApi(suspended.id);
    const context = await app.context();
    const page = await context.newPage();
    await signIn(page, 'test-astana-issuer-only');

    for (const serial of [active.serial, suspended.serial]) {
      const row = await find(page, serial);
      await expect(row.locator('button').allTextContents()).resolves.toEqual([
        ru('console.openDocument'),
      ]);
    }
    await context.close();
  });
});
