/**
 * Ed25519 key material for signing: 32-byte seeds (RFC 8032 §5.1.5), their public keys, and
 * non-extractable WebCrypto signing keys, so that signing runs natively and the seed never has
 * to stay in JS memory after import.
 */

import { getPublicKeyAsync } from '@noble/ed25519';
import { isBytes } from '@noble/hashes/utils.js';

import { asBufferSource, hexToBytes } from './bytes.js';
import { CryptoError } from './errors.js';

/** Length of an Ed25519 private key seed and of a public key, in bytes. */
export const ED25519_KEY_LENGTH = 32;

/** Length of an Ed25519 signature, in bytes. */
export const ED25519_SIGNATURE_LENGTH = 64;

/** A source of random bytes; injected so tests are repeatable and runtimes stay swappable. */
export type RandomBytes = (length: number) => Uint8Array;

/** WebCrypto's CSPRNG, available on Node 20 and Workers alike. */
export const webCryptoRandom: RandomBytes = (length) => {
  return crypto.getRandomValues(new Uint8Array(length));
};

/**
 * The DER prefix of a PKCS#8 OneAsymmetricKey holding an Ed25519 seed (RFC 8410 §7): SEQUENCE,
 * version 0, AlgorithmIdentifier id-Ed25519 (1.3.101.112), OCTET STRING wrapping the
 * 32-byte CurvePrivateKey OCTET STRING. WebCrypto imports Ed25519 private keys only in this form.
 */
const PKCS8_ED25519_PREFIX = hexToBytes('302e020100300506032b657004220420');

/** A fresh 32-byte seed from `random` (WebCrypto's CSPRNG unless injected). */
export function generateSeed(random: RandomBytes = webCryptoRandom): Uint8Array {
  const seed = random(ED25519_KEY_LENGTH);
  assertSeed(seed);
  return seed;
}

/** The public key of a seed (RFC 8032 §5.1.5). */
export async function publicKeyFromSeed(seed: Uint8Array): Promise<Uint8Array> {
  assertSeed(seed);
  return getPublicKeyAsync(seed);
}

/**
 * Imports a seed as a non-extractable WebCrypto signing key. The temporary PKCS#8 copy is
 * zeroed afterwards; the caller owns `seed` and decides when to clear it.
 */
export async function importSigningKey(seed: Uint8Array): Promise<CryptoKey> {
  assertSeed(seed);

  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + ED25519_KEY_LENGTH);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(seed, PKCS8_ED25519_PREFIX.length);

  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  } finally {
    pkcs8.fill(0);
  }
}

/** Signs natively with a key from {@link importSigningKey}; Ed25519 is deterministic. */
export async function signWithKey(key: CryptoKey, message: Uint8Array): Promise<Uint8Array> {
  const data = asBufferSource(message);
  return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, data));
}

function assertSeed(seed: unknown): asserts seed is Uint8Array {
  if (!isBytes(seed) || seed.length !== ED25519_KEY_LENGTH) {
    throw new CryptoError('key_invalid', 'seed: expected 32 bytes', 'seed');
  }
}
