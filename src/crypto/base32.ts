/**
 * RFC 4648 §6 base32 without padding. The upper-case output uses only characters of the QR
 * alphanumeric mode (0-9, A-Z and a few symbols), which packs 5.5 bits per character instead of
 * the 8 of byte mode, so a token in a QR code needs a smaller symbol.
 */

import { base32nopad } from '@scure/base';

const BASE32_TEXT = /^[A-Za-z2-7]*$/;

/** Encodes bytes as upper-case unpadded base32. */
export function base32Encode(bytes: Uint8Array): string {
  return base32nopad.encode(bytes);
}

/**
 * Decodes unpadded base32 in either case. Returns `null` rather than throwing, because callers
 * decode text that came from a camera or a URL and treat garbage as a normal answer.
 *
 * Rejected: padding `=`, whitespace, any character outside A-Z, a-z, 2-7, a length no byte string
 * encodes to, and non-zero unused trailing bits (@scure/base is strict about both). The last rule
 * gives each byte string exactly one spelling per case, so a token cannot be varied without
 * changing its bytes. The character check comes first: upper-casing other scripts could otherwise
 * turn a letter such as the dotless ı into a valid I.
 */
export function base32Decode(text: string): Uint8Array | null {
  if (!BASE32_TEXT.test(text)) return null;
  try {
    return base32nopad.decode(text.toUpperCase());
  } catch {
    return null;
  }
}
