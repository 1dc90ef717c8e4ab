import { signAsync } from '@noble/ed25519';
import { edsSignInMessage } from '../auth/eds-message.js';
import { fromBase64Url, toBase64Url } from '../crypto/bytes.js';

/** A key file as the national PKI's demo hands it out: the IIN and the 32-byte seed. */
export interface EdsKey {
  iin: string;
  seed: Uint8Array;
}

/** Reads a JSON key file chosen by the user; undefined when it is not one. */
export async function readEdsKey(file: File): Promise<EdsKey | undefined> {
  try {
    const json = JSON.parse(await file.text()) as { iin?: unknown; seed?: unknown };
    if (typeof json.iin !== 'string' || !/^\d{12}$/.test(json.iin)) return undefined;
    if (typeof json.seed !== 'string') return undefined;
    const seed = fromBase64Url(json.seed, 'seed');
    return seed.length === 32 ? { iin: json.iin, seed } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signs a sign-in challenge in the page (RFC 8032 Ed25519 over the message of
 * src/auth/eds-message.ts). The seed stays in this tab's memory; only the signature leaves.
 */
export async function signChallenge(key: EdsKey, nonce: string): Promise<string> {
  return toBase64Url(await signAsync(edsSignInMessage(nonce, key.iin), key.seed));
}
