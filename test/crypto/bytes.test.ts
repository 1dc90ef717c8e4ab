import { describe, expect, it } from 'vitest';

import { bytesEqual, fromBase64Url, toBase64Url } from '../../src/crypto/bytes.js';
import { CryptoError } from '../../src/crypto/errors.js';

describe('base64url', () => {
  it('matches node for every length up to 40 bytes', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const text = Buffer.from(bytes).toString('base64url');
      expect(toBase64Url(bytes)).toBe(text);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it.each([
    ['padding', 'AA=='],
    ['standard alphabet', 'a+/b'],
    ['impossible length', 'AAAAA'],
    ['non-zero trailing bits', 'AB'],
  ])('rejects %s with code encoding_invalid', (_reason, text) => {
    const attempt = () => fromBase64Url(text, 'seed');
    expect(attempt).toThrow(CryptoError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'encoding_invalid', field: 'seed' }));
  });
});

describe('bytesEqual', () => {
  it('compares contents and lengths', () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
  });
});
