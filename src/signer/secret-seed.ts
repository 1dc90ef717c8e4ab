/**
 * A private key seed wrapped so that it does not leak by accident: JSON.stringify, string
 * templates and Node's util.inspect all print a placeholder. Only `reveal()` gives the bytes.
 */

import { isBytes } from '@noble/hashes/utils.js';

import { ED25519_KEY_LENGTH } from '../crypto/ed25519-keys.js';
import { SignerError } from './errors.js';

const REDACTED = '[SecretSeed redacted]';

export class SecretSeed {
  readonly #bytes: Uint8Array;

  /** Copies the 32 bytes, so the caller may clear its own array afterwards. */
  constructor(bytes: Uint8Array) {
    if (!isBytes(bytes) || bytes.length !== ED25519_KEY_LENGTH) {
      throw new SignerError('signer_config_invalid', 'seed: expected 32 bytes');
    }
    this.#bytes = Uint8Array.from(bytes);
  }

  /** A copy of the seed; callers clear it when done. */
  reveal(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
