import type {
  ApplicationRow,
  AttachmentInfo,
  TransitionRow,
} from '../applications/application-store.js';
import { refusalText } from '../applications/refusal-reasons.js';

/** Where the applicant reads an application. */
export const applicationPath = (id: string) => `/api/v1/applications/${id}`;

/** Where the holder downloads a certificate's documents. */
export const cabinetDocumentPath = (certificateId: string, format: 'pdf' | 'png') =>
  `/api/v1/cabinet/certificates/${certificateId}/document.${format}`;

/** An application as its applicant sees it in lists: status, term, result. */
export function applicationSummaryJson(row: ApplicationRow, overdue: boolean) {
  return {
    id: row.id,
    type: row.type,
    childIin: row.childIin,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    deadline: row.deadline.toISOString(),
    overdue,
    signedWith: row.signedWith,
    ...(row.certificateId
      ? {
          certificate: {
            id: row.certificateId,
            documents: {
              pdf: cabinetDocumentPath(row.certificateId, 'pdf'),
              png: cabinetDocumentPath(row.certificateId, 'png'),
            },
          },
        }
      : {}),
    ...(row.refusalCode ? { refusal: refusalJson(row) } : {}),
    links: { self: applicationPath(row.id) },
  };
}

/** One application with its status history and the document the applicant signed. */
export function applicationJson(view: {
  application: ApplicationRow;
  overdue: boolean;
  history: TransitionRow[];
  attachment: AttachmentInfo | undefined;
}) {
  const { application: row } = view;
  return {
    ...applicationSummaryJson(row, view.overdue),
    document: row.document,
    signature: row.applicantSignature,
    attachment: view.attachment ? attachmentJson(view.attachment) : null,
    history: view.history.map((t) => ({
      from: t.from,
      to: t.to,
      at: t.at.toISOString(),
      // Officers and workers are named by role only: their ids are for the audit log.
      by: t.actor.startsWith('officer:')
        ? 'officer'
        : t.actor === 'applicant'
          ? 'applicant'
          : 'system',
      note: t.note,
    })),
  };
}

export function attachmentJson(attachment: AttachmentInfo) {
  return {
    mediaType: attachment.mediaType,
    size: attachment.size,
    sha256: attachment.sha256,
  };
}

/** The reason code, its words in three languages, and an officer's comment if one was given. */
export function refusalJson(row: Pick<ApplicationRow, 'refusalCode' | 'refusalComment'>) {
  const code = row.refusalCode ?? 'unspecified';
  return { code, text: refusalText(code), comment: row.refusalComment };
}
