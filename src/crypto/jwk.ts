/**
 * Public keys as JSON Web Keys (RFC 8037 OKP/Ed25519) and their key ids. The kid is the RFC 7638
 * thumbprint, so anyone holding the JWKS can recompute it and no registry can quietly give one
 * kid to two keys.
 */

import { bytesToHex, fromBase64Url, toBase64Url, utf8ToBytes } from './bytes.js';
import { canonicalJson } from './canonical-json.js';
import { checkPublicKey } from './ed25519.js';
import { CryptoError } from './errors.js';
import { sha256 } from './sha256.js';

/**
 * A public Ed25519 JWK as published at `/.well-known/jwks.json`. A type alias rather than an
 * interface, so it fits APIs that take any JSON object (node:crypto, JSON responses).
 */
export type Ed25519PublicJwk = {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
};

/** Bytes of a kid hint: short enough for the QR token, long enough to pick one key of many. */
export const KID_HINT_BYTES = 8;

/** The public JWK of a raw 32-byte key, with its thumbprint as `kid`. */
export function publicJwk(publicKey: Uint8Array): Ed25519PublicJwk {
  const kid = jwkThumbprint(publicKey);
  return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(publicKey), kid, alg: 'EdDSA', use: 'sig' };
}

/**
 * RFC 7638 thumbprint: base64url SHA-256 of the required members `crv`, `kty`, `x` (RFC 8037
 * §2) in lexicographic order without whitespace, which is exactly their RFC 8785 form.
 *
 * @throws CryptoError `key_invalid` unless the key passes the strict Ed25519 key check.
 */
export function jwkThumbprint(publicKey: Uint8Array): string {
  if (!checkPublicKey(publicKey)) {
    throw new CryptoError('key_invalid', 'publicKey: expected a valid 32-byte Ed25519 key');
  }

  const members = { crv: 'Ed25519', kty: 'OKP', x: toBase64Url(publicKey) };
  return toBase64Url(sha256(utf8ToBytes(canonicalJson(members))));
}

/**
 * The first 8 bytes of a thumbprint kid as 16 lower-case hex characters, the form the QR token
 * carries to name its key without spending 32 bytes on it.
 *
 * @throws CryptoError `key_invalid` when `kid` is not a 43-character base64url SHA-256 value.
 */
export function kidHint(kid: string): string {
  let digest: Uint8Array;
  try {
    digest = fromBase64Url(kid, 'kid');
  } catch {
    digest = new Uint8Array(0);
  }

  if (digest.length !== 32) {
    throw new CryptoError('key_invalid', 'kid: expected a base64url SHA-256 thumbprint', 'kid');
  }
  return bytesToHex(digest.subarray(0, KID_HINT_BYTES));
}
