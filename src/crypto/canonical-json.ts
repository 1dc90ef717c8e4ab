/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes. A certificate record is stored and hashed in
 * this form, so any party can recompute the digest that the QR token signs from the JSON alone.
 */

import canonicalize from 'canonicalize';

import { utf8ToBytes } from './bytes.js';
import { CryptoError } from './errors.js';

/**
 * The RFC 8785 serialization of `value` as a string: members sorted by UTF-16 code units, no
 * whitespace, ECMAScript number formatting, strings escaped only where JSON requires (Cyrillic
 * and Kazakh letters stay as they are).
 *
 * @throws CryptoError `canonical_json_unsupported` for values JSON cannot carry exactly: NaN,
 *   Infinity, lone surrogates, cycles, or a top-level `undefined`/function.
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unsupported value';
    throw new CryptoError('canonical_json_unsupported', `canonical JSON: ${reason}`);
  }

  if (text === undefined) {
    throw new CryptoError('canonical_json_unsupported', 'canonical JSON: value has no JSON form');
  }
  return text;
}

/** {@link canonicalJson} encoded as UTF-8, the exact bytes that get stored and hashed. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8ToBytes(canonicalJson(value));
}
