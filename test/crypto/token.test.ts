import { describe, expect, it } from 'vitest';

import { base32Decode, base32Encode } from '../../src/crypto/base32.js';
import {
  assembleToken,
  encodeTokenPayload,
  parseToken,
  recordDigest,
  sha256Hex,
  TOKEN_LENGTH,
  TOKEN_TEXT_LENGTH,
  type TokenFields,
  tokenSigningInput,
} from '../../src/crypto/token.js';

const digest = recordDigest(new TextEncoder().encode('{"v":1}'));

const fields: TokenFields = {
  kidHint: '90facafea9b15566',
  certificateId: 'crt_aebagbafaydqqciqcejbgfavcy',
  validFrom: '2026-07-15',
  validUntil: '2030-01-31',
  digest,
};

const signature = Uint8Array.from({ length: 64 }, (_, i) => i);

describe('token layout', () => {
  it('is 109 bytes, 175 base32 characters, all QR alphanumeric', () => {
    const text = assembleToken(encodeTokenPayload(fields), signature);
    expect(TOKEN_LENGTH).toBe(109);
    expect(TOKEN_TEXT_LENGTH).toBe(175);
    expect(text).toHaveLength(175);
    expect(text).toMatch(/^[A-Z2-7]{175}$/);
  });

  it('puts each field at its documented offset', () => {
    const payload = encodeTokenPayload(fields);
    const hexOf = (from: number, to: number) =>
      Buffer.from(payload.subarray(from, to)).toString('hex');

    expect(payload).toHaveLength(45);
    expect(payload[0]).toBe(1);
    expect(hexOf(1, 9)).toBe('90facafea9b15566');
    expect(hexOf(9, 25)).toBe('01020304050607080910111213141516');
    expect(hexOf(25, 27)).toBe((20_649).toString(16).padStart(4, '0'));
    expect(hexOf(27, 29)).toBe((21_945).toString(16).padStart(4, '0'));
    expect(hexOf(29, 45)).toBe(sha256Hex(new TextEncoder().encode('{"v":1}')).slice(0, 32));
  });

  it('signs the context prefix and the payload', () => {
    const payload = encodeTokenPayload(fields);
    const input = tokenSigningInput(payload);
    expect(new TextDecoder().decode(input.subarray(0, 14))).toBe('KZ-CERT-TOKEN\u0000');
    expect(input.subarray(14)).toEqual(payload);
  });
});

describe('parseToken', () => {
  const text = assembleToken(encodeTokenPayload(fields), signature);

  it('reads back every field', () => {
    const parsed = parseToken(text);
    expect(parsed).toEqual({
      ok: true,
      token: {
        version: 1,
        kidHint: fields.kidHint,
        certificateId: fields.certificateId,
        validFrom: fields.validFrom,
        validUntil: fields.validUntil,
        digest: sha256Hex(new TextEncoder().encode('{"v":1}')).slice(0, 32),
        signingInput: tokenSigningInput(encodeTokenPayload(fields)),
        signature,
      },
    });
  });

  it('accepts the lower-case form, which some scanners produce', () => {
    expect(parseToken(text.toLowerCase())).toEqual(parseToken(text));
  });

  it.each([
    ['not a string', 42, 'token_type', 'token must be a string'],
    ['empty', '', 'token_length', 'token must be 175 characters long, got 0'],
    ['one character short', text.slice(0, -1), 'token_length', 'got 174'],
    ['fifteen characters short', text.slice(0, 160), 'token_length', 'got 160'],
    ['eight characters long', `${text}AAAAAAAA`, 'token_length', 'got 183'],
    ['huge', 'A'.repeat(100_000), 'token_length', 'got 100000'],
    ['a digit 0', `${text.slice(0, 174)}0`, 'token_alphabet', 'letters A-Z and digits 2-7'],
    ['padding', `${text.slice(0, 167)}========`, 'token_alphabet', 'no padding'],
    ['a URL', 'https://example.org/v/abc', 'token_alphabet', 'base32'],
    ['garbage', '%%%\u0000<script>', 'token_alphabet', 'base32'],
  ])('refuses %s as a format error', (_name, input, code, message) => {
    const result = parseToken(input);
    expect(result).toMatchObject({ ok: false, cause: 'format', code });
    expect(result.ok === false && result.message).toContain(message);
  });

  it('refuses an unknown version and names it', () => {
    const bytes = base32Decode(text);
    if (bytes === null) throw new Error('token did not decode');
    bytes[0] = 2;
    expect(parseToken(base32Encode(bytes))).toEqual({
      ok: false,
      cause: 'format',
      code: 'token_version',
      message: 'unknown token version 2, expected 1',
    });
  });

  it('never throws, whatever the bytes', () => {
    for (let i = 0; i < 500; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(109));
      if (i % 2 === 0) bytes[0] = 1;
      const result = parseToken(base32Encode(bytes));
      expect(result.ok).toBe(bytes[0] === 1);
    }
  });
});

describe('encodeTokenPayload', () => {
  it.each([
    ['kidHint', { kidHint: '90FACAFEA9B15566' }, 'expected 16 lower-case hex characters'],
    ['certificateId', { certificateId: 'crt_x' }, 'expected "crt_"'],
    ['validFrom', { validFrom: '1969-12-31' }, 'from 1970-01-01 to 2149-06-06'],
    ['validUntil', { validUntil: '2149-06-07' }, 'from 1970-01-01 to 2149-06-06'],
    ['validUntil', { validUntil: '2026-07-14' }, 'must not be before validFrom'],
    ['digest', { digest: new Uint8Array(32) }, 'expected the first 16 bytes'],
  ])('refuses a bad %s', (field, change, message) => {
    const attempt = () => encodeTokenPayload({ ...fields, ...change });
    expect(attempt).toThrow(expect.objectContaining({ code: 'token_field_invalid', field }));
    expect(attempt).toThrow(message);
  });

  it('assembleToken refuses a signature of the wrong size', () => {
    const payload = encodeTokenPayload(fields);
    expect(() => assembleToken(payload, new Uint8Array(63))).toThrow(
      expect.objectContaining({ code: 'token_field_invalid', field: 'signature' }),
    );
  });
});
