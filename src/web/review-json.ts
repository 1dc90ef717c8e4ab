import type { ApplicationRow, AttachmentInfo } from '../applications/application-store.js';
import type { Finding } from '../applications/decide.js';
import { maskIin } from '../domain/iin.js';
import { attachmentJson, refusalJson } from './application-json.js';

const reviewPath = (id: string) => `/api/v1/review/applications/${id}`;

/**
 * An application in an officer's queue. IINs are masked: the officer compares the attached copy
 * with the names and the birth date, which the detail view reads from the state records.
 */
export function reviewItemJson(view: {
  application: ApplicationRow;
  overdue: boolean;
  attachment: AttachmentInfo | undefined;
}) {
  const { application: row, attachment } = view;
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    providerId: row.providerId,
    applicantIin: maskIin(row.applicantIin),
    childIin: maskIin(row.childIin),
    submittedAt: row.submittedAt.toISOString(),
    deadline: row.deadline.toISOString(),
    overdue: view.overdue,
    signedWith: row.signedWith,
    lastError: row.lastError,
    ...(row.certificateId ? { certificateId: row.certificateId } : {}),
    ...(row.refusalCode ? { refusal: refusalJson(row) } : {}),
    attachment: attachment
      ? { ...attachmentJson(attachment), link: `${reviewPath(row.id)}/attachment` }
      : null,
    links: {
      self: reviewPath(row.id),
      approve: `${reviewPath(row.id)}/approve`,
      refuse: `${reviewPath(row.id)}/refuse`,
    },
  };
}

/**
 * What the state records say now, for the officer to compare with the copy: the decision and
 * the persons' names and the child's birth date. `null` when the gateway cannot be asked.
 */
export function findingJson(finding: Finding | undefined) {
  if (finding === undefined) return null;
  if (finding.outcome === 'refuse') return { outcome: `refused:${finding.reason}` };

  const { decision, applicant, child } = finding;
  const name = (p: { lastName: string; firstName: string; middleName?: string }) => ({
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName ?? null,
  });
  return {
    outcome: finding.outcome,
    decision: {
      providerId: decision.providerId,
      number: decision.number,
      date: decision.date,
      kind: decision.kind,
      start: decision.start,
      end: decision.end ?? null,
    },
    applicant: name(applicant),
    child: { ...name(child), birthDate: child.birthDate },
  };
}

/** The result of an officer's approval or refusal. */
export function reviewResultJson(row: ApplicationRow) {
  return {
    id: row.id,
    status: row.status,
    ...(row.certificateId ? { certificateId: row.certificateId } : {}),
    ...(row.refusalCode ? { refusal: refusalJson(row) } : {}),
    links: { self: reviewPath(row.id) },
  };
}
