/**
 * The application as an electronic document: the statement the applicant signs with their EDS
 * (or certifies by the session they opened with an SMS code), stored byte for byte with the
 * application. Its bytes are the RFC 8785 canonical JSON of
 *
 *   {
 *     "service": "kz.guardianship-certificate",  // which state service is asked for
 *     "v": 1,                                     // version of this document form
 *     "applicationId": "app_…",
 *     "applicantIin": "…",                        // the signed-in applicant
 *     "childIin": "…",
 *     "type": "guardianship" | "trusteeship",
 *     "submittedAt": "2026-12-03T07:00:00.000Z",  // ISO 8601, UTC, milliseconds
 *     "attachmentSha256": "…"                     // only with an attachment: hex SHA-256 of it
 *   }
 *
 * A client that signs can rebuild these bytes without asking the server: it picks a fresh id
 * (`app_` and the lower-case unpadded base32 of 16 random bytes) and the current instant, or
 * asks `POST /api/v1/applications/prepare` to do that for it. Either way the signature covers
 * the id and the time, so a signed document can be delivered once and never replayed as a new
 * application.
 */

import { canonicalJson } from '../crypto/canonical-json.js';
import type { CertificateType } from '../domain/certificate.js';

export const APPLICATION_SERVICE = 'kz.guardianship-certificate';
export const APPLICATION_DOCUMENT_VERSION = 1;

/** How far back a signed `submittedAt` may lie when it arrives: time to sign, not to hoard. */
export const SIGNED_DOCUMENT_MAX_AGE_MS = 10 * 60_000;

/** How far ahead of the server's clock a client's `submittedAt` may run (clock skew). */
export const SIGNED_DOCUMENT_MAX_SKEW_MS = 60_000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface ApplicationDocumentFields {
  applicationId: string;
  applicantIin: string;
  childIin: string;
  type: CertificateType;
  /** ISO 8601 as `Date.prototype.toISOString` writes it. */
  submittedAt: string;
  attachmentSha256?: string | undefined;
}

/** The canonical text of the document: the exact bytes that are signed and stored. */
export function applicationDocument(fields: ApplicationDocumentFields): string {
  return canonicalJson({
    service: APPLICATION_SERVICE,
    v: APPLICATION_DOCUMENT_VERSION,
    applicationId: fields.applicationId,
    applicantIin: fields.applicantIin,
    childIin: fields.childIin,
    type: fields.type,
    submittedAt: fields.submittedAt,
    ...(fields.attachmentSha256 ? { attachmentSha256: fields.attachmentSha256 } : {}),
  });
}

/** True when `text` is an instant in the one spelling `toISOString` gives it. */
export function isCanonicalInstant(text: string): boolean {
  if (!INSTANT.test(text)) return false;
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString() === text;
}
