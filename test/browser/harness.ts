import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

/** Debian's Chromium; `scripts/ensure-test-deps.sh` installs it. Nothing is ever downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');

export const WIDTHS = { phone: 360, desktop: 1280 } as const;

export interface BrowserApp {
  registry: TestRegistry;
  /** `http://127.0.0.1:<port>`, the real app served by @hono/node-server. */
  origin: string;
  browser: Browser;
  /** A fresh context (its own cookies and storage) at a width, in a language. */
  context(options?: { width?: number; locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * The real app on a free loopback port (PGlite, the test clock and keys of startTestRegistry)
 * and one headless Chromium for the whole file, each test taking a fresh context.
 */
/**
 * Debian's Chromium, headless. launch() starts it on a fresh temporary user-data-dir and
 * deletes that on close.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export async function startBrowserApp(
  options: Parameters<typeof startTestRegistry>[1] = {},
): Promise<BrowserApp> {
  const pglite = databaseTargets.find((target) => target.name === 'pglite');
  if (!pglite) throw new Error('the PGlite target is always present');
  const registry = await startTestRegistry(pglite, options);

  const server = serve({ fetch: registry.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];

  return {
    registry,
    origin,
    browser,
    async context({ width = WIDTHS.desktop, locale = 'ru-RU' } = {}) {
      const context = await browser.newContext({
        baseURL: origin,
        viewport: { width, height: width < 600 ? 780 : 900 },
        locale,
        extraHTTPHeaders: { 'accept-language': locale },
      });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await registry.close();
    },
  };
}

/** Fails the test on any error the page logs or throws (a CSP refusal shows up here too). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** A full-page screenshot under test-artifacts/, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
