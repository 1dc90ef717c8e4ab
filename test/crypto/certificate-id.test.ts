import { describe, expect, it } from 'vitest';

import {
  certificateIdFromBytes,
  certificateIdToBytes,
  isCertificateId,
  newCertificateId,
} from '../../src/crypto/certificate-id.js';

const fixed = (byte: number) => (length: number) => new Uint8Array(length).fill(byte);

describe('certificate ids', () => {
  it('are crt_ and 26 lower-case base32 characters of 16 random bytes', () => {
    const id = newCertificateId(fixed(0xff));
    expect(id).toBe(`crt_${'7'.repeat(25)}4`);
    expect(id).toHaveLength(30);
    expect(newCertificateId(fixed(0))).toBe('crt_aaaaaaaaaaaaaaaaaaaaaaaaaa');
  });

  it('round-trip through their bytes', () => {
    for (let i = 0; i < 20; i++) {
      const id = newCertificateId((n) => crypto.getRandomValues(new Uint8Array(n)));
      expect(isCertificateId(id)).toBe(true);
      expect(certificateIdFromBytes(certificateIdToBytes(id))).toBe(id);
    }
  });

  it.each([
    ['upper case', 'crt_AAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['another prefix', 'crx_aaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['too short', 'crt_aaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['too long', 'crt_aaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['digit outside base32', 'crt_aaaaaaaaaaaaaaaaaaaaaaaaa1'],
    ['non-zero padding bits', 'crt_aaaaaaaaaaaaaaaaaaaaaaaaab'],
    ['a ULID', 'crt_01HS8Q4M7N2K5V9X3B6T0R1W'],
  ])('refuse %s', (_reason, id) => {
    expect(isCertificateId(id)).toBe(false);
    expect(() => certificateIdToBytes(id)).toThrow(
      expect.objectContaining({ code: 'certificate_id_invalid', field: 'id' }),
    );
  });

  it('refuse a random source that returns the wrong number of bytes', () => {
    expect(() => newCertificateId(() => new Uint8Array(8))).toThrow(/expected 16 random bytes/);
  });
});
