import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/receipts/receipt.js';
import { verifyReceipt } from '../../src/receipts/verify-receipt.js';
import { localNoteSigningKey, verifierKeyString } from '../../src/translog/note-key.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest } from '../support/requests.js';
import {
  type CertificateJson,
  expectError,
  issue,
  postRevoke,
  TWELVE_DIGITS,
  tokenOf,
} from './client.js';
import { freshCheckpoint, getText, inclusionHolds, readSignedCheckpoint } from './log-client.js';
import { nodeVerifiesReceipt, postReceipt } from './receipt-client.js';

const BANK = 'АО «Халык Банк»';

describe.each(databaseTargets)('verification receipts on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;
  let logKey: string;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry);
    logKey = await getText(registry, '/api/v1/log/key');
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('records the verdict, the time, the verifier and the checkpoint, and verifies offline', async () => {
    const checkpoint = await freshCheckpoint(registry);
    const receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl), {
      'x-verifier-organization': encodeURIComponent(BANK),
    });

    expect(receipt).toMatchObject({
      v: 1,
      type: 'kz-registry/verification-receipt',
      verification: {
        verdict: 'valid',
        checkedAt: registry.clock.now().toISOString(),
        certificate: {
          id: certificate.id,
          serial: certificate.serial,
          guardian: 'Әбілқасымова Г. С.',
        },
      },
      verifier: { organization: BANK },
      log: { checkpoint: checkpoint.signedText, entry: { index: 2 } },
    });
    expect(receipt.recordDigest).toMatch(/^[0-9a-f]{64}$/);

    const verdict = await verifyReceipt(receipt, logKey);
    expect(verdict).toMatchObject({ ok: true, included: true, entryIndex: 2 });
    expect(nodeVerifiesReceipt(receipt, logKey)).toBe(true);

    // A receipt is a check: the holder sees it in the verification history.
    await registry.services.verificationLog.flush();
    const history = await registry.services.verificationLog.history([certificate.id]);
    expect(history.get(certificate.id)?.[0]).toMatchObject({
      verdict: 'valid',
      organization: BANK,
    });
  });

  it('holds an inclusion proof that a second implementation accepts', async () => {
    await freshCheckpoint(registry);
    const receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl));
    const checkpoint = readSignedCheckpoint(receipt.log.checkpoint, logKey);
    const leaf = Buffer.from(receipt.log.entry?.leaf ?? '', 'base64');

    expect(JSON.parse(leaf.toString('utf8'))).toMatchObject({
      kind: 'certificate.issued',
      certificateId: certificate.id,
      recordDigest: receipt.recordDigest,
    });
    const proof = (receipt.log.inclusionProof ?? []).map((hash) => Buffer.from(hash, 'base64'));
    expect(inclusionHolds(leaf, 2, checkpoint.size, proof, checkpoint.root)).toBe(true);
  });

  it('carries no IIN and no full name', async () => {
    const receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl));
    const text = JSON.stringify(receipt);
    const request = guardianshipRequest();

    expect(text).not.toMatch(TWELVE_DIGITS);
    expect(text).not.toContain(request.guardian.firstName);
    expect(text).not.toContain(request.child.firstName);
    expect(text).not.toContain(tokenOf(certificate.verifyUrl));
  });

  it('fails on a change anywhere in the signed content', async () => {
    const receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl), {
      'x-verifier-organization': 'School 12',
    });
    const { signature, ...signed } = receipt;
    const text = JSON.stringify(signed);

    let checked = 0;
    for (let at = 0; at < text.length; at += 3) {
      const changed = mutate(text, at);
      let value: unknown;
      try {
        value = { ...JSON.parse(changed), signature };
      } catch {
        continue; // Not JSON any more: nothing a verifier could be shown as this receipt.
      }
      const verdict = await verifyReceipt(value, logKey);
      expect(verdict.ok, `changed at ${at}: ${changed.slice(at - 10, at + 10)}`).toBe(false);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(text.length / 6);
  });

  it('fails on a changed signature and under another key', async () => {
    const receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl));
    const value = Buffer.from(receipt.signature.value, 'base64');
    value[10] = (value[10] ?? 0) ^ 1;
    const forged = {
      ...receipt,
      signature: { ...receipt.signature, value: value.toString('base64') },
    };

    expect(await verifyReceipt(forged, logKey)).toEqual({
      ok: false,
      code: 'signature_invalid',
      message: 'signature: does not verify; the receipt was altered',
    });
    expect(nodeVerifiesReceipt(forged, logKey)).toBe(false);

    // Another log key under the same name: a registry impersonated, or a key rotated.
    const other = await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
    const otherKey = verifierKeyString(receipt.signature.keyName, other.publicKey);
    expect(await verifyReceipt(receipt, otherKey)).toEqual({
      ok: false,
      code: 'key_mismatch',
      message: 'signature: made by verify.example.kz/registry-log, not by that key',
    });
    expect(await verifyReceipt(receipt, 'not a key')).toMatchObject({
      ok: false,
      code: 'key_invalid',
    });
  });

  it('records a revocation with its reason', async () => {
    const revoked = await issue(registry);
    await postRevoke(registry, revoked.id, { reason: 'superseded', comment: 'Decision 7' });
    const revokedAt = registry.clock.now().toISOString();
    await freshCheckpoint(registry);

    const receipt = await postReceipt(registry, tokenOf(revoked.verifyUrl));
    expect(receipt.verification).toMatchObject({
      verdict: 'revoked',
      revocation: { at: revokedAt, reason: 'superseded' },
    });
    expect(JSON.stringify(receipt)).not.toContain('Decision 7');
    expect(await verifyReceipt(receipt, logKey)).toMatchObject({ ok: true, included: true });
  });

  it('says when the certificate is not in a checkpoint yet', async () => {
    // A checkpoint signed just now, of a grown tree: the next one is a second away.
    await issue(registry);
    await freshCheckpoint(registry);
    const fresh = await issue(registry);

    const receipt = await postReceipt(registry, tokenOf(fresh.verifyUrl));
    expect(receipt.log.entry).toBeDefined();
    expect(receipt.log.inclusionProof).toBeUndefined();
    expect(await verifyReceipt(receipt, logKey)).toMatchObject({ ok: true, included: false });
  });

  it('keeps a raw UTF-8 verifier name as sent, in the receipt and the history', async () => {
    // Node hands a raw header over as Latin-1 characters, one a byte, as this string holds them.
    const raw = Buffer.from('АО Банк', 'utf8').toString('latin1');
    const receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl), {
      'x-verifier-organization': raw,
    });
    expect(receipt.verifier).toEqual({ organization: 'АО Банк' });
    await registry.services.verificationLog.flush();
    const history = await registry.services.verificationLog.history([certificate.id]);
    expect(history.get(certificate.id)?.map((entry) => entry.organization)).toContain('АО Банк');
  });

  it('refuses an unusable verifier name with 400 naming the header, on receipt and verify', async () => {
    const token = tokenOf(certificate.verifyUrl);
    const cases: [string, string][] = [
      ['Bank%00', 'must not contain control characters'],
      ['\u00c9cole', 'is not valid UTF-8'],
      ['B'.repeat(101), 'expected at most 100 characters'],
    ];
    for (const [header, detail] of cases) {
      for (const [path, method] of [
        [`/api/v1/verify/${token}/receipt`, 'POST'],
        [`/api/v1/verify/${token}`, 'GET'],
      ] as const) {
        const response = await registry.request(path, {
          method,
          headers: { 'x-verifier-organization': header },
        });
        await expectError(response, {
          status: 400,
          code: 'validation_failed',
          field: 'X-Verifier-Organization',
          message: `X-Verifier-Organization: ${detail}`,
        });
      }
    }
  });

  it('gives a receipt of a forged token too, with no certificate', async () => {
    const token = tokenOf(certificate.verifyUrl);
    const forged = token.slice(0, 150) + (token[150] === 'A' ? 'B' : 'A') + token.slice(151);
    const receipt: Receipt = await postReceipt(registry, forged);

    expect(receipt.verification).toMatchObject({ verdict: 'invalid', cause: 'signature' });
    expect(receipt.verification.certificate).toBeUndefined();
    expect(receipt.recordDigest).toBeUndefined();
    expect(receipt.log.entry).toBeUndefined();
    expect(await verifyReceipt(receipt, logKey)).toMatchObject({ ok: true, included: false });
  });

  it('signs nothing for text that is no token of this registry, with 422 naming token', async () => {
    for (const path of ['/api/v1/verify/NOT-A-TOKEN/receipt', '/api/v1/verify/x/receipt.pdf']) {
      await expectError(await registry.request(path, { method: 'POST' }), {
        status: 422,
        code: 'token_malformed',
        field: 'token',
        message: 'token: is not a certificate code of this registry',
      });
    }
  });
});

/** The text with the character at `at` replaced by another of the same kind. */
function mutate(text: string, at: number): string {
  const char = text[at] ?? '';
  const next = /[0-9]/.test(char)
    ? String((Number(char) + 1) % 10)
    : /[a-z]/i.test(char)
      ? char === 'a'
        ? 'b'
        : 'a'
      : char === 'x'
        ? 'y'
        : 'x';
  return text.slice(0, at) + next + text.slice(at + 1);
}
