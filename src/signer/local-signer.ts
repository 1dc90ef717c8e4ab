/**
 * A signer holding provider keys in this process, as non-extractable WebCrypto keys: signing is
 * native and nothing, not even this class, can read a seed back once it is imported.
 */

import { verifyStrict } from '../crypto/ed25519.js';
import { importSigningKey, signWithKey } from '../crypto/ed25519-keys.js';
import { SignerError } from './errors.js';
import { deriveProviderKey, type ProviderKeyMaterial } from './key-material.js';
import type { Signer, SignerPublicKey } from './signer.js';

interface HeldKey {
  publicKey: SignerPublicKey;
  signingKey: CryptoKey;
}

export class LocalSigner implements Signer {
  readonly #keys: Map<string, HeldKey>;

  private constructor(keys: Map<string, HeldKey>) {
    this.#keys = keys;
  }

  /**
   * Imports the keys. Each entry's kid and public key are recomputed from its seed and must
   * match, so a mislabelled key fails here and not in a verifier's hands.
   *
   * @throws SignerError `signer_key_mismatch` or `signer_config_invalid`.
   */
  static async create(keys: readonly ProviderKeyMaterial[]): Promise<LocalSigner> {
    const signer = new LocalSigner(new Map());
    for (const key of keys) await signer.adopt(key);
    return signer;
  }

  /**
   * Takes one more key, checked as {@link create} checks them: how a rotation in demo mode
   * hands a freshly generated key to the running signer. Not part of {@link Signer}: issuance
   * signs, it never adds keys.
   *
   * @throws SignerError `signer_key_mismatch` or `signer_config_invalid` (a kid already held).
   */
  async adopt(key: ProviderKeyMaterial): Promise<SignerPublicKey> {
    const derived = await deriveProviderKey(key.providerId, key.seed);
    if (derived.kid !== key.kid) {
      throw new SignerError('signer_key_mismatch', `key ${key.kid}: kid does not fit the seed`);
    }
    if (this.#keys.has(key.kid)) {
      throw new SignerError('signer_config_invalid', `key ${key.kid}: listed twice`);
    }

    const seed = key.seed.reveal();
    const signingKey = await importSigningKey(seed).finally(() => seed.fill(0));
    const publicKey = {
      kid: derived.kid,
      providerId: key.providerId,
      publicKey: derived.publicKey,
    };
    this.#keys.set(key.kid, { publicKey, signingKey });
    return { ...publicKey, publicKey: Uint8Array.from(publicKey.publicKey) };
  }

  has(kid: string): boolean {
    return this.#keys.has(kid);
  }

  /**
   * Signs, then verifies the result strictly before handing it out: a fault or a bug that
   * produced a bad signature must not reach a printed certificate.
   */
  async sign(kid: string, message: Uint8Array): Promise<Uint8Array> {
    const key = this.#keys.get(kid);
    if (key === undefined) {
      throw new SignerError('signer_key_unknown', `no signing key with kid ${kid}`);
    }

    const signature = await signWithKey(key.signingKey, message);
    if (!(await verifyStrict(key.publicKey.publicKey, message, signature))) {
      throw new SignerError('signer_self_check_failed', `key ${kid}: signature did not verify`);
    }
    return signature;
  }

  /** Public halves of the held keys, in the order given, for the key registry and the JWKS. */
  publicKeys(): SignerPublicKey[] {
    return [...this.#keys.values()].map(({ publicKey }) => ({
      ...publicKey,
      publicKey: Uint8Array.from(publicKey.publicKey),
    }));
  }

  toJSON(): { signer: 'local'; kids: string[] } {
    return { signer: 'local', kids: [...this.#keys.keys()] };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `LocalSigner { kids: [${[...this.#keys.keys()].join(', ')}] }`;
  }
}
