/**
 * Keyed hashes for SMS sign-in. A six-digit code has only a million values, so a salted hash
 * alone falls to brute force in milliseconds for anyone who can read the table; keying every hash
 * with a secret that lives outside the database (`OTP_SECRET`) closes that. The same key hashes
 * phones (for the per-phone rate limit) and picks the stand-in phone hint for IINs that get no
 * SMS, so that hint is stable and cannot be recomputed by outsiders.
 */

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  bytesEqual,
  bytesToHex,
  concatBytes,
  fromBase64Url,
  toBase64Url,
  utf8ToBytes,
} from '../crypto/bytes.js';

/**
 * The key of development and the demo, public on purpose: demo codes and phones are not secret.
 * Production requires `OTP_SECRET`.
 */
export const DEMO_OTP_SECRET = 'kz-registry-demo-otp-secret-not-for-production';

const CODE_LABEL = utf8ToBytes('kz-registry/otp-code/v1\0');
const PHONE_LABEL = utf8ToBytes('kz-registry/otp-phone/v1\0');
const DECOY_LABEL = utf8ToBytes('kz-registry/otp-decoy/v1\0');

/** Length of the fresh salt of each code's hash. */
export const OTP_SALT_BYTES = 16;
const VERSION = 'v1';

/** What `code_hash` holds for a request that sent no SMS: no code can ever match it. */
export const NO_CODE = '-';

/** What `phone_hash` holds for a request that sent no SMS; the per-phone limit skips it. */
export const NO_PHONE = '-';

export class OtpHasher {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = utf8ToBytes(secret);
  }

  /** `v1.<salt>.<mac>`: HMAC-SHA-256 over a fresh salt, the IIN and the code. */
  hashCode(iin: string, code: string, salt: Uint8Array): string {
    return `${VERSION}.${toBase64Url(salt)}.${toBase64Url(this.codeMac(salt, iin, code))}`;
  }

  /**
   * Whether `code` is the one hashed into `stored`, compared in constant time. A stored value of
   * another form (such as {@link NO_CODE}) matches nothing but costs the same HMAC, so a request
   * that sent no SMS is not told apart by timing.
   */
  codeMatches(iin: string, code: string, stored: string): boolean {
    const parsed = parseStored(stored);
    const mac = this.codeMac(parsed?.salt ?? new Uint8Array(OTP_SALT_BYTES), iin, code);
    return parsed !== undefined && bytesEqual(mac, parsed.mac);
  }

  /** A stable, keyed hash of a phone number, so the table holds no phone numbers. */
  hashPhone(phone: string): string {
    return bytesToHex(hmac(sha256, this.key, concatBytes(PHONE_LABEL, utf8ToBytes(phone))));
  }

  /** Stable keyed bytes for an IIN, from which a stand-in phone hint is drawn. */
  decoyBytes(iin: string): Uint8Array {
    return hmac(sha256, this.key, concatBytes(DECOY_LABEL, utf8ToBytes(iin)));
  }

  private codeMac(salt: Uint8Array, iin: string, code: string): Uint8Array {
    const message = concatBytes(CODE_LABEL, salt, utf8ToBytes(`${iin}\0${code}`));
    return hmac(sha256, this.key, message);
  }
}

function parseStored(stored: string): { salt: Uint8Array; mac: Uint8Array } | undefined {
  const [version, salt, mac, ...rest] = stored.split('.');
  if (version !== VERSION || salt === undefined || mac === undefined || rest.length > 0) {
    return undefined;
  }

  try {
    return { salt: fromBase64Url(salt), mac: fromBase64Url(mac) };
  } catch {
    return undefined;
  }
}
