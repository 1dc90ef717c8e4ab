/**
 * RFC 4648 §6 base32 without padding. The upper-case output uses only characters of the QR
 * alphanumeric mode (0-9, A-Z and a few symbols), which packs 5.5 bits per character instead of
 * the 8 of byte mode, so a token in a QR code needs a smaller symbol.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Character code -> 5-bit value, for both cases; -1 for everything else. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  VALUE[ALPHABET.charCodeAt(i)] = i;
  VALUE[ALPHABET.toLowerCase().charCodeAt(i)] = i;
}

/** Unpadded text lengths mod 8 that some byte length produces (RFC 4648 §6 final quanta). */
const VALID_TAIL = new Set([0, 2, 4, 5, 7]);

/** Encodes bytes as upper-case unpadded base32. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;

  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }

  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes unpadded base32 in either case. Returns `null` rather than throwing, because callers
 * decode text that came from a camera or a URL and treat garbage as a normal answer.
 *
 * Rejected: padding `=`, whitespace, any character outside A-Z, a-z, 2-7, a length no byte string
 * encodes to, and non-zero unused trailing bits. The last rule gives each byte string exactly one
 * spelling per case, so a token cannot be varied without changing its bytes.
 */
export function base32Decode(text: string): Uint8Array | null {
  if (!VALID_TAIL.has(text.length % 8)) return null;

  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (VALUE[code] ?? -1) : -1;
    if (value < 0) return null;

    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }

  return buffer === 0 ? out : null;
}
