/**
 * The machine-readable certificate a certificate PDF carries as its attached file
 * `certificate.json`, version 1:
 *
 *     {"record":"<the canonical record JSON, as a string>","token":"<the QR token>",
 *      "type":"kz-registry/certificate","v":1}
 *
 * The record is kept as the exact text the registry stored and hashed, not as a nested object,
 * so a verifier hashes those bytes as they are and needs no JSON canonicalizer to agree with us.
 * A verifier checks the token's signature under the provider key the JWKS publishes, then that
 * the first 16 bytes of SHA-256 of `record` are the digest the token signed: every field of the
 * record, the full names included, is then the issuer's.
 */

import { bytesToHex, utf8ToBytes } from './bytes.js';
import { canonicalJson } from './canonical-json.js';
import { recordDigest } from './token.js';

export const CERTIFICATE_FILE_VERSION = 1;
export const CERTIFICATE_FILE_TYPE = 'kz-registry/certificate';
export const CERTIFICATE_FILE_NAME = 'certificate.json';

/** The longest file worth reading: a record is a few kilobytes at most. */
export const MAX_CERTIFICATE_FILE_BYTES = 64 * 1024;

export interface CertificateFile {
  token: string;
  /** The canonical record JSON, byte for byte as signed. */
  record: string;
}

export type CertificateFileResult =
  | { ok: true; file: CertificateFile }
  | { ok: false; message: string };

/** The bytes of the attached file. */
export function encodeCertificateFile(file: CertificateFile): Uint8Array {
  const value = {
    v: CERTIFICATE_FILE_VERSION,
    type: CERTIFICATE_FILE_TYPE,
    token: file.token,
    record: file.record,
  };
  return utf8ToBytes(canonicalJson(value));
}

/** Reads the attached file. Never throws: anything else is answered with what is wrong. */
export function decodeCertificateFile(bytes: Uint8Array): CertificateFileResult {
  if (bytes.length > MAX_CERTIFICATE_FILE_BYTES) {
    return { ok: false, message: `${CERTIFICATE_FILE_NAME}: larger than 64 KB` };
  }

  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: `${CERTIFICATE_FILE_NAME}: not UTF-8 JSON` };
  }

  const file = value as Record<string, unknown> | null;
  if (file?.v !== CERTIFICATE_FILE_VERSION || file.type !== CERTIFICATE_FILE_TYPE) {
    return { ok: false, message: `${CERTIFICATE_FILE_NAME}: not a version 1 certificate file` };
  }
  if (typeof file.token !== 'string' || typeof file.record !== 'string') {
    return { ok: false, message: `${CERTIFICATE_FILE_NAME}: expected token and record as text` };
  }
  return { ok: true, file: { token: file.token, record: file.record } };
}

/** The token digest of the record text: lower-case hex of SHA-256's first 16 bytes. */
export function certificateFileDigest(file: CertificateFile): string {
  return bytesToHex(recordDigest(utf8ToBytes(file.record)));
}
