/**
 * Byte-level checks of Ed25519 encodings (RFC 8032 §5.1.2, §5.1.7). They run before any curve
 * arithmetic so that malformed signatures are refused for the cost of a few comparisons.
 */

/** The field prime p = 2^255 - 19. */
const P = 2n ** 255n - 19n;

/** The group order L = 2^252 + 27742317777372353535851937790883648493. */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function littleEndianToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

/**
 * True when the 32 bytes are the one canonical spelling of a y coordinate and sign bit:
 * y < p (§5.1.3 step 1), and no sign bit on the two points with x = 0 (y = 1 and y = p - 1),
 * whose "negative" spelling would name the same point twice. Whether y is on the curve is left
 * to the curve arithmetic.
 */
export function isCanonicalPointEncoding(bytes: Uint8Array): boolean {
  if (bytes.length !== 32) return false;

  const last = bytes[31] ?? 0;
  const signBit = (last & 0x80) !== 0;
  const masked = Uint8Array.from(bytes);
  masked[31] = last & 0x7f;
  const y = littleEndianToBigInt(masked);

  if (y >= P) return false;
  return !(signBit && (y === 1n || y === P - 1n));
}

/** True when the 32-byte little-endian scalar S is below L (§5.1.7 step 1, no malleability). */
export function isReducedScalar(bytes: Uint8Array): boolean {
  return bytes.length === 32 && littleEndianToBigInt(bytes) < L;
}
