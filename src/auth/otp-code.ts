import type { RandomBytes } from '../runtime/random.js';

/** Sign-in codes are six decimal digits, as the portal sends them. */
export const OTP_CODE_DIGITS = 6;

const CODES = 10 ** OTP_CODE_DIGITS;

/** The largest multiple of 10^6 that fits in 32 bits; draws at or above it are thrown away. */
const UNBIASED_LIMIT = Math.floor(2 ** 32 / CODES) * CODES;

/**
 * A fresh code, uniform over 000000..999999. Four random bytes reduced modulo 10^6 would favour
 * low codes slightly, so draws above the last whole multiple of 10^6 are rejected and redrawn
 * (the chance of a redraw is under 0.03%).
 */
export function newOtpCode(random: RandomBytes): string {
  for (;;) {
    const bytes = random(4);
    const draw = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
    if (draw < UNBIASED_LIMIT) return String(draw % CODES).padStart(OTP_CODE_DIGITS, '0');
  }
}
