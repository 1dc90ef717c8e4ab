/**
 * Signed status lists for offline verifiers: per provider, which certificates are revoked and
 * which suspended, as two W3C-style compressed bitstrings (one status purpose each) in one JSON
 * document signed by the registry's log key:
 *
 *     { "v": 1, "type": "KzCertificateStatusList", "providerId": "prv_astana",
 *       "url": "<PUBLIC_URL>/api/v1/status-lists/prv_astana", "size": 131072,
 *       "issuedAt": "…", "validUntil": "… (24 h later)", "keyId": "<8 hex>",
 *       "revocation": "u<base64url gzip>", "suspension": "u<base64url gzip>",
 *       "signature": "<base64url Ed25519>" }
 *
 * The signature is Ed25519 over `"KZ-STATUS-LIST" 0x00` followed by the RFC 8785 canonical JSON
 * of the document without `signature`. The prefix keeps these signatures apart from the
 * checkpoints the same key signs (a note never starts with it, nor holds a NUL).
 *
 * Everything here runs in a browser page and on Workers as well as on Node: WebCrypto, the
 * Compression Streams API, @noble and @scure, no Node API.
 */

import { base64urlnopad } from '@scure/base';

import { bytesToHex, concatBytes, utf8ToBytes } from '../crypto/bytes.js';
import { canonicalJsonBytes } from '../crypto/canonical-json.js';
import { verifyStrict } from '../crypto/ed25519.js';
import { type NoteVerifierKey, parseVerifierKey } from '../translog/note-key.js';
import { decodeBitstring, getBit } from './bitstring.js';

export const STATUS_LIST_TYPE = 'KzCertificateStatusList';

/**
 * The least number of entries in a list (W3C's herd-privacy minimum, 16 KB of bits): fetching
 * a list tells the registry nothing about which of its certificates is being checked.
 */
export const STATUS_LIST_MIN_SIZE = 131_072;

/** The largest list a verifier accepts: 2^24 entries, 2 MB of bits once decompressed. */
export const STATUS_LIST_MAX_SIZE = 2 ** 24;

/** How long a list counts as fresh after it was issued. */
export const STATUS_LIST_FRESHNESS_MS = 24 * 60 * 60 * 1000;

const SIGNING_CONTEXT = utf8ToBytes('KZ-STATUS-LIST\0');

/** A list as signed: everything but the signature. */
export interface StatusListBody {
  v: 1;
  type: typeof STATUS_LIST_TYPE;
  providerId: string;
  url: string;
  size: number;
  issuedAt: string;
  validUntil: string;
  /** Hex key ID (c2sp signed-note) of the log key that signed, as `GET /api/v1/log/key` ends. */
  keyId: string;
  revocation: string;
  suspension: string;
}

export interface SignedStatusList extends StatusListBody {
  signature: string;
}

export type CertificateStatus = 'active' | 'suspended' | 'revoked';

/** What a verifier learns from a list about one index. */
export type StatusListCheck =
  | {
      /** `stale`: signed and intact, but past `validUntil`; the status may be out of date. */
      state: 'fresh' | 'stale';
      status: CertificateStatus;
      providerId: string;
      issuedAt: string;
      validUntil: string;
    }
  | { state: 'invalid'; problem: StatusListProblem; message: string };

export type StatusListProblem = 'format' | 'key' | 'signature' | 'provider' | 'index';

/** The exact bytes the list's signature covers. */
export function statusListSigningInput(body: StatusListBody): Uint8Array {
  return concatBytes(SIGNING_CONTEXT, canonicalJsonBytes(body));
}

/**
 * Checks a status list as fetched (parsed JSON) and answers the status at `index`: the
 * signature under the pinned log key (its verifier key string, or parsed), the provider when
 * given, the index, then freshness at `now`. Never throws for a bad list: that is a verdict.
 */
export async function checkStatusList(
  document: unknown,
  options: { key: string | NoteVerifierKey; index: number; now: Date; providerId?: string },
): Promise<StatusListCheck> {
  const list = readList(document);
  if (!list) return invalid('format', 'not a status list of this registry');

  let key: NoteVerifierKey;
  try {
    key = typeof options.key === 'string' ? parseVerifierKey(options.key) : options.key;
  } catch {
    return invalid('key', 'the pinned log key is not a verifier key string');
  }
  if (bytesToHex(key.keyId) !== list.keyId) {
    return invalid('key', 'the list is signed by another key than the pinned one');
  }

  const { signature, ...body } = list;
  let signatureBytes: Uint8Array;
  try {
    signatureBytes = base64urlnopad.decode(signature);
  } catch {
    return invalid('signature', 'the signature is not base64url');
  }
  if (!(await verifyStrict(key.publicKey, statusListSigningInput(body), signatureBytes))) {
    return invalid('signature', 'the signature does not match: the list was altered');
  }

  if (options.providerId !== undefined && options.providerId !== list.providerId) {
    return invalid('provider', 'the list is of another provider');
  }
  if (!Number.isSafeInteger(options.index) || options.index < 0 || options.index >= list.size) {
    return invalid('index', `the index is not in 0..${list.size - 1}`);
  }

  const bytes = list.size / 8;
  const revoked = await decodeBitstring(list.revocation, bytes);
  const suspended = await decodeBitstring(list.suspension, bytes);
  if (revoked?.length !== bytes || suspended?.length !== bytes) {
    return invalid('format', `a bitstring is not ${list.size} bits of GZIP`);
  }

  const status: CertificateStatus = getBit(revoked, options.index)
    ? 'revoked'
    : getBit(suspended, options.index)
      ? 'suspended'
      : 'active';
  const stale = options.now.getTime() > Date.parse(list.validUntil);
  return {
    state: stale ? 'stale' : 'fresh',
    status,
    providerId: list.providerId,
    issuedAt: list.issuedAt,
    validUntil: list.validUntil,
  };
}

const MEMBERS = [
  'v',
  'type',
  'providerId',
  'url',
  'size',
  'issuedAt',
  'validUntil',
  'keyId',
  'revocation',
  'suspension',
  'signature',
] as const;

/** The document with exactly the members of a list, each of its type; null otherwise. */
function readList(value: unknown): SignedStatusList | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length !== MEMBERS.length) return null;
  if (!MEMBERS.every((name) => name in record)) return null;

  const strings = MEMBERS.filter((name) => name !== 'v' && name !== 'size');
  if (!strings.every((name) => typeof record[name] === 'string')) return null;
  if (record.v !== 1 || record.type !== STATUS_LIST_TYPE) return null;

  const size = record.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size)) return null;
  if (size < STATUS_LIST_MIN_SIZE || size > STATUS_LIST_MAX_SIZE || size % 8 !== 0) return null;
  if (Number.isNaN(Date.parse(String(record.issuedAt)))) return null;
  if (Number.isNaN(Date.parse(String(record.validUntil)))) return null;
  return record as unknown as SignedStatusList;
}

function invalid(problem: StatusListProblem, message: string): StatusListCheck {
  return { state: 'invalid', problem, message };
}
