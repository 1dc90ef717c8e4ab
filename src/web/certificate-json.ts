import type { CertificateRecord } from '../domain/certificate.js';
import type { CertificateRow } from '../store/registry-store.js';
import type { SuspensionRow } from '../store/suspension-store.js';

/** The full certificate as its issuing provider reads it (`GET /api/v1/certificates/<id>`). */
export function certificateJson(row: CertificateRow, verifyUrl: string) {
  const record = JSON.parse(row.record) as CertificateRecord;
  const base = `/api/v1/certificates/${row.id}`;

  return {
    id: row.id,
    serial: row.serial,
    type: row.type,
    status: row.status,
    provider: record.provider,
    guardian: record.guardian,
    child: record.child,
    decision: record.decision,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    issuedAt: record.issuedAt,
    kid: row.kid,
    verifyUrl,
    ...(row.status === 'suspended' && row.suspendedAt
      ? { suspension: { at: row.suspendedAt.toISOString(), reason: row.suspensionReason } }
      : {}),
    ...(row.revokedAt
      ? {
          revocation: {
            at: row.revokedAt.toISOString(),
            reason: row.revocationReason,
            comment: row.revocationComment,
          },
        }
      : {}),
    documents: { pdf: `${base}/document.pdf`, png: `${base}/document.png` },
  };
}

/**
 * The certificate as its holder reads it in the cabinet: the provider's view without the
 * officer's revocation comment, which is the provider's own note (the reason code is the
 * holder's answer, as with suspension comments).
 */
export function holderCertificateJson(row: CertificateRow, verifyUrl: string) {
  const { revocation, ...rest } = certificateJson(row, verifyUrl);
  return revocation
    ? { ...rest, revocation: { at: revocation.at, reason: revocation.reason } }
    : rest;
}

/** A certificate's suspensions for its provider, newest first, with the officers' comments. */
export function suspensionsJson(rows: readonly SuspensionRow[]) {
  return rows.map((row) => ({
    suspendedAt: row.suspendedAt.toISOString(),
    suspendedBy: row.suspendedBy,
    reason: row.reason,
    comment: row.comment,
    reinstatedAt: row.reinstatedAt?.toISOString() ?? null,
    reinstatedBy: row.reinstatedBy,
    reinstatementComment: row.reinstatementComment,
  }));
}
