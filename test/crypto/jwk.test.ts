import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { fromBase64Url } from '../../src/crypto/bytes.js';
import { jwkThumbprint, kidHint, publicJwk } from '../../src/crypto/jwk.js';

// RFC 8037 Appendix A.3: the thumbprint of the RFC 8032 TEST 1 public key.
const RFC_8037_X = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
const RFC_8037_KID = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';

describe('jwkThumbprint', () => {
  it('matches RFC 8037 Appendix A.3', () => {
    expect(jwkThumbprint(fromBase64Url(RFC_8037_X))).toBe(RFC_8037_KID);
  });

  it('refuses a key that is not a valid Ed25519 point', () => {
    expect(() => jwkThumbprint(new Uint8Array(32))).toThrow(
      expect.objectContaining({ code: 'key_invalid' }),
    );
    expect(() => jwkThumbprint(new Uint8Array(31))).toThrow(/valid 32-byte Ed25519 key/);
  });
});

describe('publicJwk', () => {
  it('is an OKP/Ed25519 key with the thumbprint as kid, readable by OpenSSL', () => {
    const jwk = publicJwk(fromBase64Url(RFC_8037_X));
    expect(jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: RFC_8037_X,
      kid: RFC_8037_KID,
      alg: 'EdDSA',
      use: 'sig',
    });

    const key = createPublicKey({ key: jwk, format: 'jwk' });
    expect(key.asymmetricKeyType).toBe('ed25519');
  });
});

describe('kidHint', () => {
  it('is the first 8 thumbprint bytes as 16 hex characters', () => {
    const digest = Buffer.from(RFC_8037_KID, 'base64url');
    expect(kidHint(RFC_8037_KID)).toBe(digest.subarray(0, 8).toString('hex'));
    expect(kidHint(RFC_8037_KID)).toBe('90facafea9b15566');
  });

  it.each(['', 'reg-ed25519-2024-01', `${RFC_8037_KID}A`, RFC_8037_KID.slice(1)])(
    'refuses %j, which is no thumbprint',
    (kid) => {
      expect(() => kidHint(kid)).toThrow(expect.objectContaining({ code: 'key_invalid' }));
    },
  );
});
