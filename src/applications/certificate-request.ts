/**
 * The issue request an application turns into. Every fact comes from the state records: names
 * and birth date from identity documents, number and date from the guardianship decision, so
 * nothing the applicant typed is printed on the certificate.
 */

import { compareDays } from '../domain/calendar.js';
import type { CertificateType } from '../domain/certificate.js';
import { type CertificateRequestInput, latestValidUntil } from '../domain/validity.js';
import type { PersonRecord } from '../gateway/gateway.js';
import type { Grounds } from './decide.js';

/**
 * The request for `type` on these grounds. Validity runs to the end of the decision when it sets
 * one before the age limit of the type; otherwise the registry's default (the day before the
 * 14th or 18th birthday) applies.
 */
export function certificateRequest(
  type: CertificateType,
  grounds: Grounds,
): CertificateRequestInput {
  const { decision, applicant, child } = grounds;
  const latest = latestValidUntil(type, child.birthDate);

  const request: CertificateRequestInput = {
    type,
    guardian: names(applicant),
    child: { ...names(child), birthDate: child.birthDate },
    decision: { number: decision.number, date: decision.date },
  };
  if (decision.end !== undefined && compareDays(decision.end, latest) < 0) {
    request.validUntil = decision.end;
  }
  return request;
}

/** The Idempotency-Key of an application's certificate: one certificate per application. */
export function issuanceKey(applicationId: string): string {
  return `application:${applicationId}`;
}

function names(person: PersonRecord) {
  const { iin, lastName, firstName, middleName } = person;
  return middleName === undefined
    ? { iin, lastName, firstName }
    : { iin, lastName, firstName, middleName };
}
