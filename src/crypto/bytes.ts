/** Byte helpers that run the same on Node and Workers: no Buffer, no atob/btoa leniency. */

import { CryptoError } from './errors.js';

export { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const BASE64URL_VALUE = new Map([...BASE64URL].map((char, index) => [char, index]));

/** Unpadded base64url (RFC 4648 §5), the form JWK members and kids use (RFC 7515 §2). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;

  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BASE64URL[(buffer >> bits) & 63];
    }
    buffer &= (1 << bits) - 1;
  }

  if (bits > 0) out += BASE64URL[(buffer << (6 - bits)) & 63];
  return out;
}

/**
 * Strict unpadded base64url decoding: no padding, no whitespace, no standard-alphabet `+/`, and
 * unused trailing bits must be zero, so every byte string has exactly one spelling.
 *
 * @throws CryptoError `encoding_invalid` naming `field`; the message never repeats the input.
 */
export function fromBase64Url(text: string, field = 'value'): Uint8Array {
  if (text.length % 4 === 1) {
    throw new CryptoError('encoding_invalid', `${field}: not base64url (impossible length)`, field);
  }

  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;

  for (const char of text) {
    const value = BASE64URL_VALUE.get(char);
    if (value === undefined) {
      throw new CryptoError('encoding_invalid', `${field}: not base64url (bad character)`, field);
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }

  if (buffer !== 0) {
    throw new CryptoError('encoding_invalid', `${field}: non-canonical base64url ending`, field);
  }
  return out;
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
