/**
 * Standard, padded base64 (RFC 4648 §4), the encoding c2sp.org/signed-note and tlog-checkpoint
 * use for hashes, keys and signatures. Decoding accepts exactly one spelling per byte string, so
 * a checkpoint or signature line cannot be re-encoded into a second valid form.
 */

import { base64 } from '@scure/base';

const ALPHABET = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

/** The bytes of `text`, or null unless it is canonical padded standard base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!ALPHABET.test(text)) return null;

  try {
    const bytes = base64.decode(text);
    // Non-zero bits after the last byte would give a second spelling of the same bytes.
    return base64.encode(bytes) === text ? bytes : null;
  } catch {
    return null;
  }
}
