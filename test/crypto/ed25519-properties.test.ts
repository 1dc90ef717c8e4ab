/**
 * Random keys and messages: verifyStrict must agree with two independent verifiers, OpenSSL
 * through node:crypto and noble in strict mode, and must refuse any single flipped bit.
 */

import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomInt,
  sign,
  verify,
} from 'node:crypto';
import { verifyAsync } from '@noble/ed25519';
import { describe, expect, it } from 'vitest';

import { checkPublicKey, verifyStrict } from '../../src/crypto/ed25519.js';

function randomCase() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = new Uint8Array(Buffer.from(String(jwk.x), 'base64url'));
  const message = new Uint8Array(randomBytes(randomInt(0, 300)));
  const signature = new Uint8Array(sign(null, message, privateKey));
  return { raw, message, signature };
}

async function verdicts(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) {
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') };
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return {
    ours: await verifyStrict(publicKey, message, signature),
    openssl: verify(null, message, key, signature),
    noble: await verifyAsync(signature, message, publicKey, { zip215: false }),
  };
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

describe('verifyStrict on random keys', () => {
  it('accepts what OpenSSL and noble accept', async () => {
    for (let i = 0; i < 40; i++) {
      const { raw, message, signature } = randomCase();
      expect(checkPublicKey(raw)).toBe(true);
      expect(await verdicts(raw, message, signature)).toEqual({
        ours: true,
        openssl: true,
        noble: true,
      });
    }
  });

  it('refuses a flipped bit in signature, key or message, as the others do', async () => {
    for (let i = 0; i < 40; i++) {
      const { raw, message, signature } = randomCase();
      const target = randomInt(0, 3);
      const all = { ours: false, openssl: false, noble: false };

      if (target === 0) {
        const bad = flipBit(signature, randomInt(0, 512));
        expect(await verdicts(raw, message, bad)).toEqual(all);
      } else if (target === 1) {
        // A flipped key bit may leave the curve; that is still a plain "no".
        const bad = flipBit(raw, randomInt(0, 256));
        expect(await verifyStrict(bad, message, signature)).toBe(false);
      } else if (message.length > 0) {
        const bad = flipBit(message, randomInt(0, message.length * 8));
        expect(await verdicts(raw, bad, signature)).toEqual(all);
      }
    }
  });

  it('refuses another key’s signature', async () => {
    const first = randomCase();
    const second = randomCase();
    expect(await verifyStrict(second.raw, first.message, first.signature)).toBe(false);
  });

  it('stays correct once the key cache starts evicting (more keys than it holds)', async () => {
    const cases = Array.from({ length: 300 }, randomCase);
    for (const { raw, message, signature } of cases) {
      expect(await verifyStrict(raw, message, signature)).toBe(true);
    }

    const [first] = cases;
    if (first === undefined) throw new Error('no cases');
    expect(await verifyStrict(first.raw, first.message, first.signature)).toBe(true);
    expect(await verifyStrict(first.raw, first.message, flipBit(first.signature, 3))).toBe(false);
  });
});
