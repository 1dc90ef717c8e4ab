import type { CertificateRecord } from '../domain/certificate.js';

/** What a rendered certificate document shows. */
export interface CertificateView {
  record: CertificateRecord;
  /** The QR content: `<PUBLIC_URL>/V/<TOKEN>`, upper case. */
  verifyUrl: string;
  /** The base URL shown in the "how to verify" line, e.g. `https://verify.example.kz`. */
  publicUrl: string;
}
