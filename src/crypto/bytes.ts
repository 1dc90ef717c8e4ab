/** Byte helpers that run the same on Node and Workers: no Buffer, no atob/btoa leniency. */

import { base64urlnopad } from '@scure/base';
import { CryptoError } from './errors.js';

export { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Unpadded base64url (RFC 4648 §5), the form JWK members and kids use (RFC 7515 §2). */
export function toBase64Url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

/**
 * Strict unpadded base64url decoding: no padding, no whitespace, no standard-alphabet `+/`, and
 * unused trailing bits must be zero, so every byte string has exactly one spelling.
 *
 * @throws CryptoError `encoding_invalid` naming `field`; the message never repeats the input.
 */
export function fromBase64Url(text: string, field = 'value'): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) {
    throw new CryptoError('encoding_invalid', `${field}: not base64url (bad character)`, field);
  }
  try {
    return base64urlnopad.decode(text);
  } catch {
    throw new CryptoError(
      'encoding_invalid',
      `${field}: not base64url (bad length or padding bits)`,
      field,
    );
  }
}

/** Constant-length comparison; lengths are public, contents are compared without early exit. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;

  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * WebCrypto's TypeScript types want bytes backed by a plain ArrayBuffer. Views over one pass
 * through untouched; anything else (a SharedArrayBuffer view) is copied.
 */
export function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes.buffer instanceof ArrayBuffer) return bytes as Uint8Array<ArrayBuffer>;
  return new Uint8Array(bytes);
}
