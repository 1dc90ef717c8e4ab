/**
 * Ed25519 keys of c2sp.org/signed-note: key names, key IDs, and the verifier key string that
 * `GET /api/v1/log/key` publishes, `<name>+<key ID hex>+<base64(0x01 || public key)>`.
 */

import { sha256 } from '@noble/hashes/sha2.js';

import { bytesToHex, concatBytes, utf8ToBytes } from '../crypto/bytes.js';
import { checkPublicKey } from '../crypto/ed25519.js';
import { importSigningKey, publicKeyFromSeed, signWithKey } from '../crypto/ed25519-keys.js';
import { fromBase64, toBase64 } from './base64.js';
import { TranslogError } from './errors.js';
import { hasControlCharacter } from './note-text.js';

/** The signature type byte the signed-note spec assigns to Ed25519. */
export const ED25519_NOTE_TYPE = 0x01;

/** A key that verifies notes: its name, 4-byte key ID and 32-byte Ed25519 public key. */
export interface NoteVerifierKey {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

/**
 * What signing a note needs. The log key sits behind `sign` so that it can move to a KMS or HSM
 * without this module changing; `publicKey` gives the key ID.
 */
export interface NoteSigningKey {
  publicKey: Uint8Array;
  /** The 64-byte Ed25519 signature of `message`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** What {@link isKeyName} asks of a name, for error messages. */
export const KEY_NAME_RULE = 'expected non-empty, without spaces, `+` or controls';

/**
 * Key names must be non-empty with no Unicode space and no `+` (signed-note, Format): the name
 * ends at the first space in a signature line and at the first `+` in a key string. Controls are
 * refused too, since a note may not contain them.
 */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\u0085+]/u.test(name) && !hasControlCharacter(name);
}

/**
 * SHA-256(key name || 0x0A || 0x01 || public key)[:4], the key ID the signed-note spec
 * recommends for Ed25519; binding the name in keeps one key under two names apart.
 */
export function noteKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  const input = concatBytes(utf8ToBytes(name), Uint8Array.of(0x0a, ED25519_NOTE_TYPE), publicKey);
  return sha256(input).slice(0, 4);
}

/**
 * The verifier key string of `publicKey` under `name`.
 *
 * @throws TranslogError `key_invalid` for a bad name or a key that fails the strict Ed25519 check.
 */
export function verifierKeyString(name: string, publicKey: Uint8Array): string {
  checkKey(name, publicKey);

  const typedKey = concatBytes(Uint8Array.of(ED25519_NOTE_TYPE), publicKey);
  return `${name}+${bytesToHex(noteKeyId(name, publicKey))}+${toBase64(typedKey)}`;
}

/**
 * Reads a verifier key string. The key ID must be 8 lower-case hex digits and must match the
 * name and key, so a key string edited anywhere is refused rather than silently never matching.
 *
 * @throws TranslogError `key_invalid` saying which part is wrong.
 */
export function parseVerifierKey(text: string): NoteVerifierKey {
  // The name holds no `+`, the ID is hex; only the base64 part may contain further `+`.
  const plus = text.indexOf('+');
  const match = plus < 0 ? null : /^([0-9a-f]{8})\+(.*)$/s.exec(text.slice(plus + 1));
  if (match === null) invalidKey('key: expected <name>+<8 hex digits>+<base64 key>');

  const [, idHex, keyText] = match;
  const typedKey = fromBase64(keyText as string);
  if (typedKey === null || typedKey.length !== 33) {
    invalidKey('key: expected the canonical base64 of 33 bytes after the key ID');
  }
  if (typedKey[0] !== ED25519_NOTE_TYPE) invalidKey('key: signature type is not Ed25519 (0x01)');

  const name = text.slice(0, plus);
  const publicKey = typedKey.slice(1);
  checkKey(name, publicKey);

  const keyId = noteKeyId(name, publicKey);
  if (bytesToHex(keyId) !== idHex) invalidKey('key: the key ID does not match the name and key');
  return { name, keyId, publicKey };
}

/** A {@link NoteSigningKey} over a local 32-byte seed, signing natively through WebCrypto. */
export async function localNoteSigningKey(seed: Uint8Array): Promise<NoteSigningKey> {
  const key = await importSigningKey(seed);
  const publicKey = await publicKeyFromSeed(seed);
  return { publicKey, sign: (message) => signWithKey(key, message) };
}

function checkKey(name: string, publicKey: Uint8Array): void {
  if (!isKeyName(name)) invalidKey(`name: ${KEY_NAME_RULE}`);
  if (!checkPublicKey(publicKey)) invalidKey('publicKey: not a valid Ed25519 public key');
}

function invalidKey(message: string): never {
  throw new TranslogError('key_invalid', message);
}
