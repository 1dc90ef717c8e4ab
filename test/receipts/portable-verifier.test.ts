import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue, tokenOf } from '../e2e/client.js';
import { freshCheckpoint, getText } from '../e2e/log-client.js';
import { postReceipt } from '../e2e/receipt-client.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

/**
 * The offline verifier is for browsers and Workers too: bundled for the browser platform (where a
 * `node:` import cannot resolve) and run in a bare context that holds only what a browser has.
 */
describe('the receipt verifier outside Node', () => {
  let registry: TestRegistry;
  let receipt: string;
  let key: string;
  let verify: (receipt: string, key: string) => Promise<{ ok: boolean; code?: string }>;

  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
    const certificate = await issue(registry);
    await freshCheckpoint(registry);
    receipt = JSON.stringify(await postReceipt(registry, tokenOf(certificate.verifyUrl)));
    key = await getText(registry, '/api/v1/log/key');

    const bundle = await build({
      entryPoints: ['src/receipts/verify-receipt.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'receipts',
      write: false,
      logLevel: 'silent',
    });
    const browserLike = { crypto: globalThis.crypto, TextEncoder, TextDecoder, console };
    const context = runInNewContext(`${bundle.outputFiles[0]?.text}; receipts`, browserLike);
    verify = context.verifyReceipt;
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('verifies a receipt and refuses an altered one', async () => {
    expect(await verify(receipt, key)).toMatchObject({ ok: true });
    const altered = receipt.replace('"verdict":"valid"', '"verdict":"expired"');
    expect(await verify(altered, key)).toMatchObject({ ok: false, code: 'signature_invalid' });
  });
});
