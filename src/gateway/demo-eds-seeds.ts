/**
 * Seeds of the demo citizens' personal EDS keys. Each is the SHA-256 of a public label, so anyone
 * can rebuild them and nobody can mistake them for secrets: they exist so that the demo can hand
 * a citizen a key file and sign in with it, and must never reach production.
 */

import { toBase64Url, utf8ToBytes } from '../crypto/bytes.js';
import { sha256 } from '../crypto/sha256.js';

const LABEL = 'kz-guardianship-registry/demo-eds-seed/v1/';

/** The 32-byte Ed25519 seed (RFC 8032 §5.1.5) of the demo persona `key`. */
export function demoEdsSeed(key: string): Uint8Array {
  return sha256(utf8ToBytes(LABEL + key));
}

/** The same seed as unpadded base64url, the form the project's key files hold. */
export function demoEdsSeedText(key: string): string {
  return toBase64Url(demoEdsSeed(key));
}
