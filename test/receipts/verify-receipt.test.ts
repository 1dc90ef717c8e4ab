import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/receipts/receipt.js';
import { verifyReceipt } from '../../src/receipts/verify-receipt.js';
import { receiptSigner } from '../../src/services/receipt-signer.js';
import { issue, tokenOf } from '../e2e/client.js';
import { freshCheckpoint, getText } from '../e2e/log-client.js';
import { postReceipt } from '../e2e/receipt-client.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

/**
 * The checks after the signature: receipts the log key signed with wrong evidence inside (which
 * the registry itself never writes) must still fail, each with its own code.
 */
describe('what a receipt signed with bad evidence answers', () => {
  let registry: TestRegistry;
  let receipt: Receipt;
  let logKey: string;
  let resign: (changed: Receipt) => Promise<Receipt>;

  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
    const certificate = await issue(registry);
    await issue(registry);
    await freshCheckpoint(registry);
    receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl));
    logKey = await getText(registry, '/api/v1/log/key');
    const sign = receiptSigner(registry.logKey, receipt.signature.keyName);
    resign = ({ signature: _old, ...rest }) => sign(rest);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('accepts the receipt as the registry wrote it, re-signed', async () => {
    expect(await verifyReceipt(await resign(receipt), logKey)).toMatchObject({ ok: true });
    expect(await verifyReceipt(JSON.stringify(receipt), logKey)).toMatchObject({ ok: true });
  });

  it('refuses a checkpoint whose note signature fails', async () => {
    const note = receipt.log.checkpoint.replace(
      /\n(\d+)\n/,
      (_, size) => `\n${Number(size) + 1}\n`,
    );
    const changed = await resign({ ...receipt, log: { ...receipt.log, checkpoint: note } });

    expect(await verifyReceipt(changed, logKey)).toEqual({
      ok: false,
      code: 'checkpoint_invalid',
      message:
        'log.checkpoint: note: the signature by verify.example.kz/registry-log does not verify',
    });
  });

  it('refuses an entry of another certificate or record', async () => {
    const changed = await resign({ ...receipt, recordDigest: 'ab'.repeat(32) });
    expect(await verifyReceipt(changed, logKey)).toEqual({
      ok: false,
      code: 'entry_mismatch',
      message: 'log.entry: the leaf records another record digest',
    });

    const leaf = { ...receipt.log, entry: { index: 0, leaf: btoa('{"v":1}') } };
    expect(await verifyReceipt(await resign({ ...receipt, log: leaf }), logKey)).toEqual({
      ok: false,
      code: 'entry_mismatch',
      message: 'log.entry: the leaf is not a log entry of this registry',
    });
  });

  it('refuses an inclusion proof that leads elsewhere', async () => {
    const proof = [...(receipt.log.inclusionProof ?? [])].reverse();
    const entry = {
      index: (receipt.log.entry?.index ?? 0) + 1,
      leaf: receipt.log.entry?.leaf ?? '',
    };
    for (const log of [
      { ...receipt.log, inclusionProof: proof },
      { ...receipt.log, entry },
    ]) {
      const verdict = await verifyReceipt(await resign({ ...receipt, log }), logKey);
      expect(verdict).toMatchObject({ ok: false, code: 'inclusion_invalid' });
    }
  });

  it('names the member of a receipt out of form', async () => {
    const cases: [unknown, string][] = [
      ['{', 'receipt: '],
      [{ ...receipt, v: 2 }, 'v: '],
      [{ ...receipt, token: { sha256: 'xyz' } }, 'token.sha256: '],
      [{ ...receipt, signature: { ...receipt.signature, value: 'AAAA' } }, 'signature.value: '],
      [{ ...receipt, signature: { ...receipt.signature, extra: 1 } }, 'signature: '],
    ];
    for (const [value, start] of cases) {
      const verdict = await verifyReceipt(value, logKey);
      expect(verdict).toMatchObject({ ok: false, code: 'receipt_malformed' });
      expect(verdict.ok ? '' : verdict.message).toMatch(new RegExp(`^${start}`));
    }
  });
});
