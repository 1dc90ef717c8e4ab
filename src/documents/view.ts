import { CERTIFICATE_FILE_NAME, encodeCertificateFile } from '../crypto/certificate-file.js';
import type { CertificateRecord } from '../domain/certificate.js';

/** What a rendered certificate document shows. */
export interface CertificateView {
  record: CertificateRecord;
  /** The QR content: `<PUBLIC_URL>/V/<TOKEN>`, upper case. */
  verifyUrl: string;
  /** The base URL shown in the "how to verify" line, e.g. `https://verify.example.kz`. */
  publicUrl: string;
  /**
   * The signed form, attached to the PDF as `certificate.json`: the QR token and the record text
   * exactly as stored and hashed. Without it the PDF carries no attachment.
   */
  signed?: { token: string; record: string };
}

/** The name of the machine-readable certificate inside the PDF. */
export const CERTIFICATE_ATTACHMENT_NAME = CERTIFICATE_FILE_NAME;

/** The bytes of `certificate.json` for the view, when it carries the signed form. */
export function certificateAttachment(view: CertificateView): Uint8Array | undefined {
  return view.signed ? encodeCertificateFile(view.signed) : undefined;
}
