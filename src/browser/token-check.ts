/**
 * The in-page half of verification: is this QR token signed by a key the registry publishes?
 * Runs in the browser (front-door.ts) and in Node (the tests run it against the same vectors
 * and tokens as the server). It answers authenticity only; whether the certificate is still
 * valid is the registry's to say (`/api/v1/verify/<token>`), and that needs the network.
 *
 * Policy, the same as the server's: strict RFC 8032 (@noble/ed25519 with `zip215: false`:
 * canonical encodings, S < L, small-order keys refused), and a key counts only if its `kid` is
 * its own RFC 7638 thumbprint, so a tampered JWKS cannot pass one key off under another's kid.
 */
import { verifyAsync } from '@noble/ed25519';
import { fromBase64Url } from '../crypto/bytes.js';
import { checkPublicKey } from '../crypto/ed25519.js';
import { jwkThumbprint, kidHint } from '../crypto/jwk.js';
import { type ParsedToken, parseToken } from '../crypto/token.js';

/** One key of `/.well-known/jwks.json`, as far as the page reads it. */
export interface PublishedKey {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  provider?: string;
  status?: string;
}

export type SignatureCheck =
  | { outcome: 'authentic'; token: ParsedToken; kid: string; provider?: string }
  | { outcome: 'format'; message: string }
  | { outcome: 'unknown_key'; token: ParsedToken }
  | { outcome: 'signature'; token: ParsedToken };

/** Checks a token's signature against the published keys. Never throws on bad input. */
export async function checkTokenSignature(
  tokenText: string,
  keys: readonly PublishedKey[],
): Promise<SignatureCheck> {
  const parsed = parseToken(tokenText.trim().toUpperCase());
  if (!parsed.ok) return { outcome: 'format', message: parsed.message };
  const token = parsed.token;

  const candidates = keys.filter((key) => namesItself(key) && hintOf(key.kid) === token.kidHint);
  if (candidates.length === 0) return { outcome: 'unknown_key', token };

  for (const key of candidates) {
    const publicKey = fromBase64Url(key.x, 'x');
    if (await verifyInPage(publicKey, token.signingInput, token.signature)) {
      return { outcome: 'authentic', token, kid: key.kid, provider: key.provider };
    }
  }
  return { outcome: 'signature', token };
}

/**
 * Strict RFC 8032 verification in pure JS: the server's key check (canonical, not of small
 * order), then @noble/ed25519 with `zip215: false`. Same verdicts as the server's verifyStrict.
 */
export async function verifyInPage(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (signature.length !== 64 || !checkPublicKey(publicKey)) return false;
  return verifyAsync(signature, message, publicKey, { zip215: false });
}

/** An Ed25519 JWK whose kid is its own thumbprint; anything else is ignored. */
function namesItself(key: PublishedKey): boolean {
  if (key.kty !== 'OKP' || key.crv !== 'Ed25519' || typeof key.x !== 'string') return false;
  try {
    return jwkThumbprint(fromBase64Url(key.x, 'x')) === key.kid;
  } catch {
    return false;
  }
}

function hintOf(kid: string): string | undefined {
  try {
    return kidHint(kid);
  } catch {
    return undefined;
  }
}

export { type LinkReading, readVerifyLink } from '../domain/verify-link.js';
