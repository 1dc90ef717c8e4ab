/**
 * Every Ed25519 vector in shared/vectors goes through verifyStrict. Expected verdicts follow
 * RFC 8032 strictly, the same as @noble/ed25519 with { zip215: false }; see SOURCES.md there.
 */

import { verifyAsync } from '@noble/ed25519';
import { describe, expect, it } from 'vitest';

import { verifyStrict } from '../../src/crypto/ed25519.js';
import { hex, readVectorJson } from './vectors.js';

interface WycheproofFile {
  schema: string;
  numberOfTests: number;
  testGroups: {
    type: string;
    publicKey: { curve: string; pk: string };
    tests: { tcId: number; comment: string; msg: string; sig: string; result: string }[];
  }[];
}

interface ZipCase {
  vk_bytes: string;
  sig_bytes: string;
  valid_zip215: boolean;
}

interface SpeccheckCase {
  message: string;
  pub_key: string;
  signature: string;
}

const wycheproof = readVectorJson<WycheproofFile>('ed25519/wycheproof_ed25519_test.json');
const wycheproofCases = wycheproof.testGroups.flatMap((group) =>
  group.tests.map((test) => ({ ...test, pk: group.publicKey.pk })),
);

describe('Wycheproof ed25519_test.json', () => {
  it('is the file we expect: 151 EddsaVerify cases on ed25519', () => {
    const schema = readVectorJson<{ type: string }>(
      'ed25519/wycheproof_eddsa_verify_schema_v1.json',
    );
    expect(schema.type).toBe('object');
    expect(wycheproof.schema).toBe('eddsa_verify_schema_v1.json');
    expect(wycheproofCases).toHaveLength(wycheproof.numberOfTests);
    expect(wycheproofCases).toHaveLength(151);
    for (const group of wycheproof.testGroups) {
      expect(group.type).toBe('EddsaVerify');
      expect(group.publicKey.curve).toBe('edwards25519');
    }
  });

  it.each(wycheproofCases)('tcId $tcId $comment: $result', async (test) => {
    expect(['valid', 'invalid']).toContain(test.result);
    const verdict = await verifyStrict(hex(test.pk), hex(test.msg), hex(test.sig));
    expect(verdict).toBe(test.result === 'valid');
  });
});

describe('RFC 8032 §7.1 vectors', () => {
  const file = readVectorJson<{
    vectors: { name: string; pub: string; msg: string; sig: string }[];
  }>('ed25519/rfc8032_section7.1_ed25519.json');

  it.each(file.vectors)('$name verifies, and fails with any bit of S flipped', async (vector) => {
    const publicKey = hex(vector.pub);
    const message = hex(vector.msg);
    const signature = hex(vector.sig);
    expect(await verifyStrict(publicKey, message, signature)).toBe(true);

    const tampered = Uint8Array.from(signature);
    tampered[40] = (tampered[40] ?? 0) ^ 0x01;
    expect(await verifyStrict(publicKey, message, tampered)).toBe(false);
  });
});

describe('ZIP-215 cases', () => {
  const cases = readVectorJson<ZipCase[]>('ed25519/zip215_ed25519.json');
  // noble's test suite signs these over the ASCII message "Zcash".
  const message = new TextEncoder().encode('Zcash');

  it('are read correctly: a ZIP-215 verifier accepts all 196', async () => {
    expect(cases).toHaveLength(196);
    for (const c of cases) {
      expect(c.valid_zip215).toBe(true);
      expect(await verifyAsync(hex(c.sig_bytes), message, hex(c.vk_bytes))).toBe(true);
    }
  });

  it('are all rejected under the strict policy (small-order or non-canonical A or R)', async () => {
    for (const [index, c] of cases.entries()) {
      const verdict = await verifyStrict(hex(c.vk_bytes), message, hex(c.sig_bytes));
      expect(verdict, `case ${index}`).toBe(false);
    }
  });
});

/**
 * The twelve cases of "Taming the many EdDSAs" (Chalkias, Garillot, Nikolaenko 2020). OpenSSL,
 * which answers natively, disagrees with the strict verdict on 0, 1, 4, 5 and 11; the prechecks
 * and the cofactored confirmation in ed25519.ts are there for exactly those.
 */
const SPECCHECK_VERDICTS: readonly { expected: boolean; why: string }[] = [
  { expected: false, why: '0: S = 0, small-order A and R: any message verifies, key refused' },
  { expected: false, why: '1: small-order A with mixed-order R: small-order key refused' },
  { expected: true, why: '2: mixed-order A, small-order R: both equations hold' },
  { expected: true, why: '3: mixed-order A and R: both equations hold' },
  { expected: true, why: '4: mixed-order A and R: only the cofactored equation holds' },
  { expected: true, why: '5: mixed-order A, prime-order R: only the cofactored equation holds' },
  { expected: false, why: '6: S >= L (S + L of a valid signature): malleable, refused' },
  { expected: false, why: '7: S far above L: refused' },
  { expected: false, why: '8: non-canonical R (x = 0 with the sign bit set): refused' },
  { expected: false, why: '9: non-canonical R, the other such encoding: refused' },
  { expected: false, why: '10: non-canonical A (x = 0 with the sign bit set): refused' },
  { expected: false, why: '11: non-canonical A that OpenSSL accepts: refused' },
];

describe('speccheck edge cases', () => {
  const cases = readVectorJson<SpeccheckCase[]>('ed25519/ed25519_speccheck_edge_cases.json');

  it('has one documented verdict per case', () => {
    expect(cases).toHaveLength(SPECCHECK_VERDICTS.length);
  });

  it.each(SPECCHECK_VERDICTS.map((verdict, index) => ({ ...verdict, index })))(
    'case $why',
    async ({ expected, index }) => {
      const c = cases[index];
      if (c === undefined) throw new Error(`missing speccheck case ${index}`);
      const args = [hex(c.pub_key), hex(c.message), hex(c.signature)] as const;

      expect(await verifyStrict(...args)).toBe(expected);
      expect(await verifyAsync(args[2], args[1], args[0], { zip215: false })).toBe(expected);
    },
  );
});

describe('malformed input', () => {
  const vector = wycheproofCases[0];
  if (vector === undefined) throw new Error('no Wycheproof vector');
  const publicKey = hex(vector.pk);
  const signature = hex(vector.sig);
  const message = hex(vector.msg);

  it.each([
    ['empty key', new Uint8Array(0), signature],
    ['33-byte key', new Uint8Array(33), signature],
    ['63-byte signature', publicKey, signature.subarray(0, 63)],
    ['65-byte signature', publicKey, Uint8Array.of(...signature, 0)],
    ['all-ones key (y >= p)', new Uint8Array(32).fill(0xff), signature],
  ])('%s is false, not an exception', async (_name, key, sig) => {
    await expect(verifyStrict(key, message, sig)).resolves.toBe(false);
  });

  it('throws TypeError only for arguments that are not bytes', async () => {
    const notBytes = 'abc' as unknown as Uint8Array;
    await expect(verifyStrict(notBytes, message, signature)).rejects.toThrow(TypeError);
    await expect(verifyStrict(publicKey, notBytes, signature)).rejects.toThrow(/message/);
    await expect(verifyStrict(publicKey, message, [1] as unknown as Uint8Array)).rejects.toThrow(
      /signature must be a Uint8Array/,
    );
  });
});
