import { describe, expect, it } from 'vitest';

import { base32Decode, base32Encode } from '../../src/crypto/base32.js';

const ascii = (text: string) => new TextEncoder().encode(text);

// RFC 4648 §10 test vectors, with the padding removed.
const RFC_4648 = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
] as const;

describe('base32', () => {
  it.each(RFC_4648)('encodes %j as %j (RFC 4648 §10)', (input, output) => {
    expect(base32Encode(ascii(input))).toBe(output);
    expect(base32Decode(output)).toEqual(ascii(input));
  });

  it('decodes lower case to the same bytes', () => {
    expect(base32Decode('mzxw6ytboi')).toEqual(ascii('foobar'));
  });

  it('round-trips every length up to 40 bytes', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const text = base32Encode(bytes);
      expect(text).toMatch(/^[A-Z2-7]*$/);
      expect(base32Decode(text)).toEqual(bytes);
    }
  });

  it.each([
    ['padding', 'MY======'],
    ['digit outside the alphabet', 'MZXW0'],
    ['digit 1', 'MZXW1'],
    ['whitespace', 'MZXW 6'],
    ['non-ASCII', 'MZXWÖ'],
    ['length no byte string has', 'MZX'],
    ['single character', 'M'],
  ])('rejects %s', (_reason, text) => {
    expect(base32Decode(text)).toBeNull();
  });

  it('rejects non-zero trailing bits, so each byte string has one spelling', () => {
    // 'f' is 0x66 = 01100 110(00): "MY"; "MZ" differs only in the unused low bits.
    expect(base32Decode('MY')).toEqual(ascii('f'));
    expect(base32Decode('MZ')).toBeNull();
    expect(base32Decode('MZXW6YR')).toBeNull();
  });
});
