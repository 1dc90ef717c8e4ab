import { loadConfig } from '../../src/config.js';
import { DEMO_PROVIDERS } from '../../src/demo/demo-data.js';
import { captureLogger } from '../../src/logging/logger.js';
import { type BootOptions, bootNode } from '../../src/node/boot.js';
import { type Clock, fixedClock } from '../../src/runtime/clock.js';
import { generateProviderKey } from '../../src/signer/key-material.js';
import { localNoteSigningKey } from '../../src/translog/note-key.js';
import type { DatabaseTarget } from './databases.js';

export const PUBLIC_URL = 'https://verify.example.kz';

/**
 * A fresh registry for one test: its own empty database, the demo providers and officers, new
 * keys, a controllable clock (2026-12-03 12:00 Almaty unless given) and a captured logger.
 */
export async function startTestRegistry(
  target: DatabaseTarget,
  options: {
    clock?: Clock & Partial<ReturnType<typeof fixedClock>>;
  } & Pick<BootOptions, 'gateway' | 'sms' | 'processing' | 'keyMaker' | 'pdfReader'> = {},
) {
  const clock = options.clock ?? fixedClock('2026-12-03T07:00:00Z');
  const logger = captureLogger();
  const keys = await Promise.all(DEMO_PROVIDERS.map((p) => generateProviderKey(p.id)));
  const logKey = await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
  const config = loadConfig({ PUBLIC_URL: PUBLIC_URL, NODE_ENV: 'test', LOG_LEVEL: 'silent' });

  const booted = await bootNode({
    config,
    clock,
    logger,
    keys,
    logKey,
    database: await target.open(),
    seedCertificates: false,
    gateway: options.gateway,
    sms: options.sms,
    keyMaker: options.keyMaker,
    pdfReader: options.pdfReader,
    // Tests drive the application queue by hand (`registry.processor`) unless they ask.
    processing: options.processing ?? false,
  });
  const request = (path: string, init?: RequestInit) =>
    booted.app.request(path.startsWith('http') ? path : `http://localhost${path}`, init);

  return { ...booted, clock, logger, keys, logKey, request };
}

export type TestRegistry = Awaited<ReturnType<typeof startTestRegistry>>;

export const ASTANA = { authorization: 'Bearer demo-officer-astana' };
export const ALMATY = { authorization: 'Bearer demo-officer-almaty' };

/** Headers for a JSON call as an officer. */
export function asOfficer(officer: { authorization: string }, extra: Record<string, string> = {}) {
  return { ...officer, 'content-type': 'application/json', ...extra };
}
