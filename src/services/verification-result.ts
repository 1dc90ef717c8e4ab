import type { CertificateType, Day } from '../domain/certificate.js';

export const VERDICTS = [
  'valid',
  'revoked',
  'suspended',
  'expired',
  'not_yet_valid',
  'invalid',
  'not_found',
  // The signature is authentic, but the registry could not be asked whether the certificate is
  // still in force (the database is unreachable): never to be read as valid.
  'status_unavailable',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Why a token is `invalid`: it does not parse, its key is unknown, its signature fails, the
 * record does not match, or it was signed by a compromised key at or after the compromise.
 */
export type InvalidCause =
  | 'format'
  | 'unknown_key'
  | 'signature'
  | 'record_mismatch'
  | 'key_compromised';

/** What a clerk compares with the paper. Names are surname plus initials; no IIN is ever here. */
export interface CertificateSummary {
  id: string;
  serial: string;
  type: CertificateType;
  issuer: { id: string; nameKk: string; nameRu: string; nameEn: string };
  guardian: string;
  child: string;
  validFrom: Day;
  validUntil: Day;
  issuedAt: string;
  kid: string;
}

/**
 * The answer of a verification. A failed check is a verdict, not an exception: only a check that
 * could not run at all (the database is down) throws.
 */
export interface VerificationResult {
  verdict: Verdict;
  /** Machine cause for `invalid`. */
  cause?: InvalidCause;
  /** One sentence for people, in English; the pages translate by verdict and cause. */
  message: string;
  checkedAt: string;
  certificate?: CertificateSummary;
  revocation?: { at: string; reason: string };
  /** For `suspended`: since when and why; the issuer may lift it, unlike a revocation. */
  suspension?: { at: string; reason: string };
  /**
   * Where offline verifiers find this certificate's status: the provider's signed list and the
   * index in it (README, "Status lists"); absent for certificates issued before the lists.
   */
  statusList?: { url: string; index: number };
  /** Where the issuance stands in the transparency log; absent when the log holds none. */
  log?: LogPosition;
}

/**
 * "Recorded in the public log at index N; checkpoint of size M, signed at T". `proofVerified`
 * says the entry describes this record and its inclusion proof leads to the checkpoint's root;
 * it is false while the entry is newer than the latest checkpoint (index ≥ checkpointSize).
 */
export interface LogPosition {
  index: number;
  checkpointSize: number;
  signedAt: string;
  proofVerified: boolean;
}
