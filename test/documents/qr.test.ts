import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/documents/errors.js';
import {
  encodeVerifyQr,
  MAX_ALPHANUMERIC_URL_LENGTH,
  MAX_QR_VERSION,
  type QrSymbol,
  QUIET_ZONE,
  qrPathData,
} from '../../src/documents/qr.js';
import { fakeToken, LONG_PUBLIC_URL } from './fixture.js';

const BASE = `${LONG_PUBLIC_URL.toUpperCase()}/V/`;

/** Paints the symbol module by module into RGBA, so jsQR reads exactly what we encoded. */
function readSymbol(qr: QrSymbol, scale = 4): string | undefined {
  const side = qr.size * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (!qr.isDark(Math.floor(x / scale), Math.floor(y / scale))) continue;
      rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return jsQR(rgba, side, side)?.data;
}

function errorOf(run: () => unknown): DocumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error('expected a DocumentError');
}

describe('encodeVerifyQr', () => {
  it('fits the longest verify URL the contract allows in version 10 at level Q', () => {
    const url = BASE + fakeToken(MAX_ALPHANUMERIC_URL_LENGTH - BASE.length);
    expect(url).toHaveLength(221);

    const qr = encodeVerifyQr(url);

    expect(qr.version).toBeLessThanOrEqual(MAX_QR_VERSION);
    expect(qr.version).toBe(10);
    expect(qr.size).toBe(57 + 2 * QUIET_ZONE);
    expect(qr.modes).toEqual(['Alphanumeric']);
    expect(readSymbol(qr)).toBe(url);
  });

  it('refuses a URL that would need version 11, with the lengths in the message', () => {
    // A 200-character token (125 bytes in base32) behind the long base: 234 characters.
    const url = BASE + fakeToken(200);

    const error = errorOf(() => encodeVerifyQr(url));

    expect(error.code).toBe('qr_too_large');
    expect(error.message).toBe(
      'verifyUrl of 234 characters needs QR version 11 at level Q, expected at most 10',
    );
  });

  it('refuses lower case, which would force byte mode', () => {
    const error = errorOf(() => encodeVerifyQr('https://verify.egov.kz/v/abc'));

    expect(error.code).toBe('qr_not_alphanumeric');
    expect(error.message).toContain('"https://verify.egov.kz/v/abc"');
  });

  it('refuses a URL beyond any QR version as too large, not as a crash', () => {
    const error = errorOf(() => encodeVerifyQr(BASE + 'A'.repeat(5000)));

    expect(error.code).toBe('qr_too_large');
    expect(error.message).toContain('more than 40');
  });

  it('packs a run of digits in numeric mode, which is denser than alphanumeric', () => {
    // A 125-byte token written in decimal (302 digits) fits where base32 does not.
    const url = BASE + '7'.repeat(302);

    const qr = encodeVerifyQr(url);

    expect(qr.version).toBe(10);
    expect(qr.modes).toEqual(['Alphanumeric', 'Numeric']);
    expect(readSymbol(qr)).toBe(url);
  });

  it('keeps a light quiet zone of four modules on every side', () => {
    const qr = encodeVerifyQr(`${BASE}ABC`);

    for (let i = 0; i < qr.size; i++) {
      for (let q = 0; q < QUIET_ZONE; q++) {
        expect(qr.isDark(i, q) || qr.isDark(q, i)).toBe(false);
        expect(qr.isDark(i, qr.size - 1 - q) || qr.isDark(qr.size - 1 - q, i)).toBe(false);
      }
    }
    // The finder pattern starts right after the quiet zone.
    expect(qr.isDark(QUIET_ZONE, QUIET_ZONE)).toBe(true);
  });
});

describe('qrPathData', () => {
  it('covers exactly the dark modules with one run per horizontal stretch', () => {
    const qr = encodeVerifyQr(`${BASE}${fakeToken(40)}`);
    let dark = 0;
    for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) dark += +qr.isDark(x, y);

    const runs = [...qrPathData(qr).matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];

    expect(runs.reduce((sum, run) => sum + Number(run[3]), 0)).toBe(dark);
    for (const [, x, y, width] of runs) {
      for (let i = 0; i < Number(width); i++) {
        expect(qr.isDark(Number(x) + i, Number(y))).toBe(true);
      }
    }
  });
});
