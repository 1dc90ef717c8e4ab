/**
 * The compact signed token a QR code carries, version 1. Printed codes live for years, so this
 * layout never changes; a new layout gets a new version byte beside it.
 *
 * Binary layout, 109 bytes, big-endian:
 *
 * | offset | bytes | field                                                           |
 * |-------:|------:|-----------------------------------------------------------------|
 * |      0 |     1 | version, 1                                                      |
 * |      1 |     8 | kid hint: first 8 bytes of the signing key's RFC 7638 thumbprint |
 * |      9 |    16 | certificate id, raw random bytes                                |
 * |     25 |     2 | validFrom, uint16 days since 1970-01-01                         |
 * |     27 |     2 | validUntil, uint16 days since 1970-01-01                        |
 * |     29 |    16 | record digest: first 16 bytes of SHA-256 of the canonical JSON  |
 * |     45 |    64 | Ed25519 signature                                               |
 *
 * The signature covers `"KZ-CERT-TOKEN\0"` followed by bytes 0..44. The context prefix keeps a
 * token signature from ever being valid for another message a provider key might sign.
 *
 * Why a 128-bit digest: the QR must fit version 10 at level Q (221 alphanumeric characters) with
 * the base URL in front, and a full 32-byte digest makes the URL about 225 characters. Binding
 * the record needs second-preimage resistance, which truncated SHA-256 keeps at 128 bits; a
 * collision attack (64 bits) does not apply, because every record embeds a 128-bit random id
 * that the registry draws after the request arrives, so no one can prepare a colliding pair.
 *
 * Text form: unpadded base32, upper case, exactly 175 characters (872 bits and 3 zero padding
 * bits), which QR alphanumeric mode encodes compactly. Parsing accepts either case.
 */

import { base32Decode, base32Encode } from './base32.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from './bytes.js';
import { certificateIdFromBytes, certificateIdToBytes } from './certificate-id.js';
import { dayFromDaysSinceEpoch, daysSinceEpoch } from './day-number.js';
import { ED25519_SIGNATURE_LENGTH } from './ed25519-keys.js';
import { CryptoError } from './errors.js';

export {
  certificateIdFromBytes,
  certificateIdToBytes,
  isCertificateId,
  newCertificateId,
} from './certificate-id.js';
export { sha256, sha256Hex } from './sha256.js';

import { sha256 } from './sha256.js';

export const TOKEN_VERSION = 1;

/** The digest a token carries for a record's canonical bytes: SHA-256, first 16 bytes. */
export function recordDigest(canonicalRecord: Uint8Array): Uint8Array {
  return sha256(canonicalRecord).slice(0, TOKEN_DIGEST_LENGTH);
}

/** Domain separation prefix of the signed message: ASCII "KZ-CERT-TOKEN" and a zero byte. */
export const TOKEN_SIGNING_CONTEXT = utf8ToBytes('KZ-CERT-TOKEN\u0000');

/** Bytes before the signature. */
export const TOKEN_PAYLOAD_LENGTH = 45;

/** Bytes of the record digest a token carries: SHA-256 truncated to 128 bits. */
export const TOKEN_DIGEST_LENGTH = 16;

/** Bytes of a whole version 1 token. */
export const TOKEN_LENGTH = TOKEN_PAYLOAD_LENGTH + ED25519_SIGNATURE_LENGTH;

/** Characters of a version 1 token's text form. */
export const TOKEN_TEXT_LENGTH = Math.ceil((TOKEN_LENGTH * 8) / 5);

/** Longest text worth decoding; anything longer is refused before any work is done. */
const MAX_TEXT_LENGTH = 512;

const KID_HINT = /^[0-9a-f]{16}$/;

/** What a version 1 token states, as handed to {@link encodeTokenPayload}. */
export interface TokenFields {
  /** 16 lower-case hex characters, see `kidHint` in jwk.ts. */
  kidHint: string;
  /** Registry id, `crt_…`. */
  certificateId: string;
  /** `YYYY-MM-DD`, 1970-01-01 to 2149-06-06. */
  validFrom: string;
  validUntil: string;
  /** SHA-256 of the record's canonical JSON, truncated to its first 16 bytes. */
  digest: Uint8Array;
}

/** A token that is well formed. Its signature has not been checked yet. */
export interface ParsedToken {
  version: 1;
  kidHint: string;
  certificateId: string;
  validFrom: string;
  validUntil: string;
  /** Lower-case hex of the 16-byte record digest. */
  digest: string;
  /** The exact message the signature must verify over. */
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** Stable reasons a text is not a well-formed token. */
export type TokenFormatCode = 'token_type' | 'token_length' | 'token_alphabet' | 'token_version';

export type TokenParseResult =
  | { ok: true; token: ParsedToken }
  | { ok: false; cause: 'format'; code: TokenFormatCode; message: string };

/**
 * The 45 payload bytes of a version 1 token. Sign `tokenSigningInput(payload)`, then pass
 * both to {@link assembleToken}.
 *
 * @throws CryptoError `token_field_invalid` naming the field that does not fit the layout.
 */
export function encodeTokenPayload(fields: TokenFields): Uint8Array {
  if (!KID_HINT.test(fields.kidHint)) {
    throw fieldError('kidHint', 'expected 16 lower-case hex characters');
  }
  if (!(fields.digest instanceof Uint8Array) || fields.digest.length !== TOKEN_DIGEST_LENGTH) {
    throw fieldError('digest', 'expected the first 16 bytes of SHA-256');
  }

  const validFrom = encodeDay(fields.validFrom, 'validFrom');
  const validUntil = encodeDay(fields.validUntil, 'validUntil');
  if (validUntil < validFrom) throw fieldError('validUntil', 'must not be before validFrom');

  const payload = new Uint8Array(TOKEN_PAYLOAD_LENGTH);
  const view = new DataView(payload.buffer);
  payload[0] = TOKEN_VERSION;
  payload.set(hexToBytes(fields.kidHint), 1);
  payload.set(idBytes(fields.certificateId), 9);
  view.setUint16(25, validFrom);
  view.setUint16(27, validUntil);
  payload.set(fields.digest, 29);
  return payload;
}

/** The domain-separated message a token signature covers. */
export function tokenSigningInput(payload: Uint8Array): Uint8Array {
  return concatBytes(TOKEN_SIGNING_CONTEXT, payload);
}

/**
 * The text form of a signed token, ready for `<PUBLIC_URL>/v/<token>`.
 *
 * @throws CryptoError `token_field_invalid` when the payload or signature has the wrong size.
 */
export function assembleToken(payload: Uint8Array, signature: Uint8Array): string {
  if (payload.length !== TOKEN_PAYLOAD_LENGTH || payload[0] !== TOKEN_VERSION) {
    throw fieldError('payload', `expected ${TOKEN_PAYLOAD_LENGTH} bytes of a version 1 payload`);
  }
  if (signature.length !== ED25519_SIGNATURE_LENGTH) {
    throw fieldError('signature', `expected ${ED25519_SIGNATURE_LENGTH} bytes`);
  }
  return base32Encode(concatBytes(payload, signature));
}

/**
 * Reads a token's text form. Never throws: anything a camera or a URL may bring is answered
 * with `{ ok: false, cause: 'format' }`, a stable `code` and a message that does not repeat the
 * input. A well-formed token still has to pass signature verification.
 */
export function parseToken(text: unknown): TokenParseResult {
  if (typeof text !== 'string') return formatError('token_type', 'token must be a string');
  if (text.length === 0 || text.length > MAX_TEXT_LENGTH) {
    return lengthError(text.length);
  }

  // Alphabet, then version (the first 8 characters hold the version byte), then length, then
  // the whole decode: a scan cut short is told it is short, not that it is not base32.
  const alphabetError = () =>
    formatError(
      'token_alphabet',
      'token must be base32 text (letters A-Z and digits 2-7, no padding)',
    );
  if (!/^[A-Za-z2-7]+$/.test(text)) return alphabetError();

  // Two characters carry the whole version byte; a shorter text is only short.
  const head = text.length >= 2 ? base32Decode(text.slice(0, 8).padEnd(8, 'A')) : null;
  if (head !== null && head[0] !== TOKEN_VERSION) {
    return formatError('token_version', `unknown token version ${head[0]}, expected 1`);
  }
  if (text.length !== TOKEN_TEXT_LENGTH) return lengthError(text.length);

  const bytes = base32Decode(text);
  if (bytes === null) return alphabetError();

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payload = bytes.subarray(0, TOKEN_PAYLOAD_LENGTH);
  const token: ParsedToken = {
    version: TOKEN_VERSION,
    kidHint: bytesToHex(bytes.subarray(1, 9)),
    certificateId: certificateIdFromBytes(bytes.slice(9, 25)),
    validFrom: dayFromDaysSinceEpoch(view.getUint16(25)),
    validUntil: dayFromDaysSinceEpoch(view.getUint16(27)),
    digest: bytesToHex(bytes.subarray(29, TOKEN_PAYLOAD_LENGTH)),
    signingInput: tokenSigningInput(payload),
    signature: bytes.slice(TOKEN_PAYLOAD_LENGTH),
  };
  return { ok: true, token };
}

function encodeDay(day: string, field: string): number {
  const days = typeof day === 'string' ? daysSinceEpoch(day) : null;
  if (days === null || days < 0 || days > 0xffff) {
    throw fieldError(field, 'expected a YYYY-MM-DD day from 1970-01-01 to 2149-06-06');
  }
  return days;
}

function idBytes(certificateId: string): Uint8Array {
  try {
    return certificateIdToBytes(certificateId);
  } catch {
    throw fieldError('certificateId', 'expected "crt_" and 26 lower-case base32 characters');
  }
}

function fieldError(field: string, expected: string): CryptoError {
  return new CryptoError('token_field_invalid', `token ${field}: ${expected}`, field);
}

function lengthError(length: number): TokenParseResult {
  const message = `token must be ${TOKEN_TEXT_LENGTH} characters long, got ${length}`;
  return formatError('token_length', message);
}

function formatError(code: TokenFormatCode, message: string): TokenParseResult {
  return { ok: false, cause: 'format', code, message };
}
