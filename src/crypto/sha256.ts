/**
 * SHA-256, synchronous. @noble/hashes keeps it sync on every runtime, which lets token encoding
 * and JWK thumbprints stay plain functions instead of promises.
 */

import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

import { bytesToHex } from './bytes.js';

/** The 32-byte SHA-256 digest of `bytes`. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes);
}

/** The SHA-256 digest as 64 lower-case hex characters, the form records and logs carry. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(nobleSha256(bytes));
}
