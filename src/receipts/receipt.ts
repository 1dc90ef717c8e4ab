/**
 * The verification receipt, version 1: "certificate X had verdict V at time T, checked against
 * registry checkpoint C", signed by the registry's log key so that a bank or a school can keep it
 * and prove later, offline, what the registry answered.
 *
 *     {
 *       "v": 1,
 *       "type": "kz-registry/verification-receipt",
 *       "verification": { the verify answer: verdict, cause?, message, checkedAt, certificate?,
 *                         revocation?, … (whatever detail the verdict carries) },
 *       "recordDigest": "<hex SHA-256 of the canonical record>"      (when the record is known),
 *       "token": { "sha256": "<hex SHA-256 of the token as checked>" },
 *       "verifier": { "organization": "…" }                          (when it named itself),
 *       "log": {
 *         "checkpoint": "<the signed checkpoint note, as served>",
 *         "entry": { "index": N, "leaf": "<base64 leaf data>" }      (the issuance entry),
 *         "inclusionProof": ["<base64>", …]                          (when N < checkpoint size)
 *       },
 *       "signature": { "alg": "Ed25519", "keyName", "keyId": "<8 hex>", "value": "<base64>" }
 *     }
 *
 * The signature covers `"KZ-REGISTRY-RECEIPT\0"` followed by the RFC 8785 canonical JSON of the
 * receipt without its `signature` member. The zero byte keeps a receipt signature from ever being
 * a valid signature of a checkpoint, which the same key signs: a signed note may not hold one.
 *
 * Names appear only as the verify answer shows them (surname and initials); no IIN is ever here.
 * The token itself is not: a receipt shown to a third party must not let it re-check the holder.
 */

import { concatBytes, utf8ToBytes } from '../crypto/bytes.js';
import { canonicalJson } from '../crypto/canonical-json.js';

export const RECEIPT_VERSION = 1;
export const RECEIPT_TYPE = 'kz-registry/verification-receipt';

/** Domain separation prefix of the signed message: ASCII "KZ-REGISTRY-RECEIPT" and a zero byte. */
export const RECEIPT_SIGNING_CONTEXT = utf8ToBytes('KZ-REGISTRY-RECEIPT\u0000');

/** The name of the receipt inside its PDF. */
export const RECEIPT_ATTACHMENT_NAME = 'receipt.json';

/** The verify answer as the receipt keeps it: the verdict is a string, so new verdicts fit. */
export interface ReceiptVerification {
  verdict: string;
  cause?: string;
  message: string;
  checkedAt: string;
  certificate?: {
    id: string;
    serial: string;
    type: string;
    issuer: { id: string; nameKk: string; nameRu: string; nameEn: string };
    guardian: string;
    child: string;
    validFrom: string;
    validUntil: string;
    issuedAt: string;
    kid: string;
  };
  /** Any further detail of the verdict (revocation, suspension, …), as the verify answer has it. */
  [detail: string]: unknown;
}

export interface ReceiptLogEvidence {
  /** The signed checkpoint note, c2sp.org/tlog-checkpoint, exactly as the log served it. */
  checkpoint: string;
  /** The issuance entry of the certificate, when the log holds one. */
  entry?: { index: number; leaf: string };
  /** Its audit path to the checkpoint's root; absent while the entry is newer than it. */
  inclusionProof?: string[];
}

export interface ReceiptSignature {
  alg: 'Ed25519';
  /** The log key's name, also the checkpoint origin. */
  keyName: string;
  /** Hex of the signed-note key ID, as in the published verifier key. */
  keyId: string;
  /** Base64 of the 64-byte signature. */
  value: string;
}

/** What is signed. */
export interface UnsignedReceipt {
  v: typeof RECEIPT_VERSION;
  type: typeof RECEIPT_TYPE;
  verification: ReceiptVerification;
  recordDigest?: string;
  token: { sha256: string };
  verifier?: { organization: string };
  log: ReceiptLogEvidence;
}

export interface Receipt extends UnsignedReceipt {
  signature: ReceiptSignature;
}

/**
 * The exact bytes a receipt signature covers: the context prefix and the canonical JSON of every
 * member but `signature`.
 *
 * @throws CryptoError `canonical_json_unsupported` for a value JSON cannot carry.
 */
export function receiptSigningInput(receipt: UnsignedReceipt | Receipt): Uint8Array {
  const { signature: _ignored, ...unsigned } = receipt as Receipt;
  return concatBytes(RECEIPT_SIGNING_CONTEXT, utf8ToBytes(canonicalJson(unsigned)));
}
