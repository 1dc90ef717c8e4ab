import { describe, expect, it } from 'vitest';

import { toBase64Url } from '../../src/crypto/bytes.js';
import {
  formatSigningKeysSecret,
  generateProviderKey,
  parseSigningKeysSecret,
} from '../../src/signer/key-material.js';
import { hex } from '../crypto/vectors.js';

// RFC 8032 §7.1 TEST 1; its kid is the RFC 8037 Appendix A.3 thumbprint.
const SEED = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const SEED_TEXT = toBase64Url(SEED);
const KID = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';

describe('generateProviderKey', () => {
  it('draws the seed from the injected source and derives key and kid', async () => {
    const key = await generateProviderKey('prv_astana', () => Uint8Array.from(SEED));
    expect(key.providerId).toBe('prv_astana');
    expect(key.kid).toBe(KID);
    expect(Buffer.from(key.publicKey).toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect(key.seed.reveal()).toEqual(SEED);
  });

  it('refuses a random source that returns too few bytes', async () => {
    await expect(generateProviderKey('prv_astana', () => new Uint8Array(16))).rejects.toMatchObject(
      {
        code: 'key_invalid',
      },
    );
  });
});

describe('parseSigningKeysSecret', () => {
  it('reads providerId and seed, and checks an optional kid', async () => {
    const secret = JSON.stringify([{ providerId: 'prv_astana', seed: SEED_TEXT, kid: KID }]);
    const [key, ...rest] = await parseSigningKeysSecret(secret);
    expect(rest).toEqual([]);
    expect(key?.kid).toBe(KID);
    expect(key?.seed.reveal()).toEqual(SEED);
  });

  it('round-trips through formatSigningKeysSecret', async () => {
    const keys = [await generateProviderKey('prv_astana'), await generateProviderKey('prv_almaty')];
    const parsed = await parseSigningKeysSecret(formatSigningKeysSecret(keys));
    expect(parsed.map((k) => [k.providerId, k.kid])).toEqual(
      keys.map((k) => [k.providerId, k.kid]),
    );
  });

  const entry = { providerId: 'prv_astana', seed: SEED_TEXT };

  it.each([
    [
      'not JSON',
      `[{"providerId":"prv_astana","seed":"${SEED_TEXT}"`,
      'SIGNING_KEYS: not valid JSON',
    ],
    ['an object', JSON.stringify(entry), 'SIGNING_KEYS: expected a non-empty JSON array'],
    ['an empty array', '[]', 'SIGNING_KEYS: expected a non-empty JSON array'],
    ['a string entry', JSON.stringify([SEED_TEXT]), 'SIGNING_KEYS[0]: expected an object'],
    [
      'an unknown member',
      JSON.stringify([{ ...entry, secretKey: SEED_TEXT }]),
      'SIGNING_KEYS[0]: unexpected member',
    ],
    [
      'a bad providerId',
      JSON.stringify([{ ...entry, providerId: '../etc' }]),
      'SIGNING_KEYS[0].providerId: expected lower-case',
    ],
    [
      'a short seed',
      JSON.stringify([{ ...entry, seed: SEED_TEXT.slice(0, 40) }]),
      'SIGNING_KEYS[0].seed: expected 32 bytes as 43 base64url characters',
    ],
    [
      'a standard-base64 seed',
      JSON.stringify([{ ...entry, seed: Buffer.from(SEED).toString('base64') }]),
      'SIGNING_KEYS[0].seed: expected 32 bytes',
    ],
    [
      'a wrong kid',
      JSON.stringify([{ ...entry, kid: 'x'.repeat(43) }]),
      'SIGNING_KEYS[0].kid: does not match the key derived from the seed',
    ],
    [
      'a duplicate',
      JSON.stringify([entry, entry]),
      'SIGNING_KEYS[1]: the same key is listed twice',
    ],
  ])('refuses %s without echoing the secret', async (_name, secret, message) => {
    const failure = await parseSigningKeysSecret(secret).then(
      () => {
        throw new Error('expected a failure');
      },
      (error: Error & { code?: string }) => error,
    );

    expect(failure.code).toBe('signer_config_invalid');
    expect(failure.message).toContain(message);
    expect(failure.message).not.toContain(SEED_TEXT.slice(0, 12));
  });
});
