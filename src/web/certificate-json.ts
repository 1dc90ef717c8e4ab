import type { CertificateRecord } from '../domain/certificate.js';
import type { CertificateRow } from '../store/registry-store.js';

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
