/**
 * Registry ids of certificates: `crt_` and the lower-case base32 of 16 random bytes, 30
 * characters in all. The prefix makes an id recognisable in logs and support calls; 128 random
 * bits make ids unguessable; the QR token carries the 16 raw bytes.
 */

import { base32Decode, base32Encode } from './base32.js';
import type { RandomBytes } from './ed25519-keys.js';
import { CryptoError } from './errors.js';

export const CERTIFICATE_ID_PREFIX = 'crt_';

/** Random bytes in a certificate id. */
export const CERTIFICATE_ID_BYTES = 16;

const ID_PATTERN = /^crt_[a-z2-7]{26}$/;

/** A fresh id from `random`, which must return `n` cryptographically random bytes. */
export function newCertificateId(random: RandomBytes): string {
  return certificateIdFromBytes(random(CERTIFICATE_ID_BYTES));
}

/**
 * The id text for 16 raw bytes.
 *
 * @throws CryptoError `certificate_id_invalid` unless given exactly 16 bytes.
 */
export function certificateIdFromBytes(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array) || bytes.length !== CERTIFICATE_ID_BYTES) {
    const message = 'certificate id: expected 16 random bytes';
    throw new CryptoError('certificate_id_invalid', message, 'id');
  }
  return CERTIFICATE_ID_PREFIX + base32Encode(bytes).toLowerCase();
}

/**
 * True when `text` is an id in its one canonical spelling: the prefix, 26 lower-case base32
 * characters, and zero padding bits in the last one.
 */
export function isCertificateId(text: unknown): text is string {
  return typeof text === 'string' && ID_PATTERN.test(text) && decodeBody(text) !== null;
}

/**
 * The 16 raw bytes of an id.
 *
 * @throws CryptoError `certificate_id_invalid` for anything but a canonical id; the message does
 *   not repeat the input.
 */
export function certificateIdToBytes(id: string): Uint8Array {
  const bytes = typeof id === 'string' && ID_PATTERN.test(id) ? decodeBody(id) : null;
  if (bytes === null) {
    const message = 'certificate id: expected "crt_" and 26 lower-case base32 characters';
    throw new CryptoError('certificate_id_invalid', message, 'id');
  }
  return bytes;
}

function decodeBody(id: string): Uint8Array | null {
  const bytes = base32Decode(id.slice(CERTIFICATE_ID_PREFIX.length));
  return bytes !== null && bytes.length === CERTIFICATE_ID_BYTES ? bytes : null;
}
