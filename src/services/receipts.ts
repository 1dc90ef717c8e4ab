import { utf8ToBytes } from '../crypto/bytes.js';
import { sha256Hex } from '../crypto/sha256.js';
import { fieldError } from '../domain/errors.js';
import {
  RECEIPT_TYPE,
  RECEIPT_VERSION,
  type Receipt,
  type ReceiptLogEvidence,
  type ReceiptVerification,
} from '../receipts/receipt.js';
import type { RegistryStore } from '../store/registry-store.js';
import { toBase64 } from '../translog/base64.js';
import type { LogEvidence, LogEvidenceReader } from './log-evidence.js';
import type { ReceiptSigner } from './receipt-signer.js';
import type { VerificationService } from './verification.js';
import type { VerificationResult } from './verification-result.js';

export interface ReceiptDeps {
  verification: Pick<VerificationService, 'verify'>;
  store: Pick<RegistryStore, 'certificate'>;
  evidence: Pick<LogEvidenceReader, 'evidence'>;
  sign: ReceiptSigner;
}

/** A signed receipt and the verdict it records (for the verification history). */
export interface IssuedReceipt {
  receipt: Receipt;
  result: VerificationResult;
}

/**
 * Verification receipts: the verdict on a token, signed by the log key together with the latest
 * checkpoint and, when the log covers the certificate, the inclusion proof of its issuance. See
 * src/receipts/receipt.ts for the format.
 */
export class ReceiptService {
  constructor(private readonly deps: ReceiptDeps) {}

  /**
   * Verifies `token` as `GET /api/v1/verify/<token>` does and signs a receipt of the answer.
   *
   * @throws AppError `token_malformed` naming `token` for text in no token form of this registry.
   */
  async issue(token: string, organization: string | null): Promise<IssuedReceipt> {
    const result = await this.deps.verification.verify(token);
    // A receipt proves what the registry said about one of its tokens, `invalid` included; text
    // that is no token of this registry at all would only fill the log with signed noise.
    if (result.verdict === 'invalid' && result.cause === 'format') {
      throw fieldError('token_malformed', 'token', 'is not a certificate code of this registry');
    }

    // The full digest of the record the verdict is about; known whenever a certificate is.
    const id = result.certificate?.id;
    const row = id === undefined ? undefined : await this.deps.store.certificate(id);
    const recordDigest = row?.recordDigest;
    const evidence = await this.deps.evidence.evidence(id, recordDigest);

    const receipt = await this.deps.sign({
      v: RECEIPT_VERSION,
      type: RECEIPT_TYPE,
      verification: verificationOf(result),
      ...(recordDigest ? { recordDigest } : {}),
      token: { sha256: sha256Hex(utf8ToBytes(token.trim().toUpperCase())) },
      ...(organization ? { verifier: { organization } } : {}),
      log: logOf(evidence),
    });
    return { receipt, result };
  }
}

/**
 * The verify answer without its log position (the receipt carries the evidence itself), as plain
 * JSON: every detail the verdict has is kept, whatever the verdict, so new ones need no change.
 */
function verificationOf(result: VerificationResult): ReceiptVerification {
  const { log: _position, ...answer } = result;
  return JSON.parse(JSON.stringify(answer)) as ReceiptVerification;
}

function logOf(evidence: LogEvidence): ReceiptLogEvidence {
  const { checkpoint, entry, proof } = evidence;
  return {
    checkpoint: checkpoint.note,
    ...(entry ? { entry: { index: entry.index, leaf: toBase64(entry.data) } } : {}),
    ...(proof ? { inclusionProof: proof.map(toBase64) } : {}),
  };
}
