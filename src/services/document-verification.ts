import {
  CERTIFICATE_FILE_NAME,
  certificateFileDigest,
  decodeCertificateFile,
  MAX_CERTIFICATE_FILE_BYTES,
} from '../crypto/certificate-file.js';
import { parseToken } from '../crypto/token.js';
import type { limitPdfReads } from '../documents/pdf-reader.js';
import type { limitPhotoReads } from '../documents/photo-reader.js';
import type { PhotoMediaType } from '../documents/qr-photo.js';
import type { CertificateRecord, Child, Person } from '../domain/certificate.js';
import { AppError, fieldError } from '../domain/errors.js';
import { maskIin } from '../domain/iin.js';
import type { Clock } from '../runtime/clock.js';
import type { VerificationService } from './verification.js';
import type { VerificationResult } from './verification-result.js';

/**
 * The record embedded in the uploaded file, once its digest matched the signed token: what the
 * paper must say. The uploader holds the paper, so its names are returned in full; IINs are
 * masked all the same (the answer may be kept by a browser or a proxy, and the last two digits
 * are enough to compare with the paper).
 */
export interface RecordMatch {
  matches: true;
  serial: string;
  type: string;
  provider: { id: string; nameKk: string; nameRu: string };
  guardian: Omit<Person, 'iin'> & { iin: string };
  child: Omit<Child, 'iin'> & { iin: string };
  decision: { number: string; date: string };
  validFrom: string;
  validUntil: string;
  issuedAt: string;
}

/** The verdict on an uploaded document, with the authenticated record when it is genuine. */
export type DocumentVerificationResult = VerificationResult & { record?: RecordMatch };

/**
 * Verifies a certificate PDF by its attached `certificate.json` (see crypto/certificate-file.ts):
 * the token as a scan of the QR is verified, and the embedded record must hash to the digest the
 * token signed, so a file with one letter of a name changed is `invalid` (`record_mismatch`).
 */
export class DocumentVerificationService {
  constructor(
    private readonly deps: {
      verification: Pick<VerificationService, 'verify'>;
      clock: Clock;
      /** The registry's base URL: a photographed QR must lead here. */
      publicUrl: string;
      /** Reads the QR of a photo, limited per process (see documents/photo-reader.ts). */
      photos: ReturnType<typeof limitPhotoReads>;
      /** Reads the attached file of a PDF, limited per process (see documents/pdf-reader.ts). */
      pdfs: ReturnType<typeof limitPdfReads>;
    },
  ) {}

  /**
   * Verifies a photo or screenshot by the QR code in it, as a scan would: the verdict on the
   * token, and no `record`, since a picture carries no signed data beyond the code.
   *
   * @throws AppError `qr_unreadable` when the image cannot be decoded or no code can be read in
   *   it, `payload_too_large` for a photo of more pixels than a phone takes: both are about the
   *   picture, not the certificate; `service_unavailable` when too many photos are being read.
   */
  async verifyPhoto(photo: Uint8Array, type: PhotoMediaType): Promise<DocumentVerificationResult> {
    const read = await this.deps.photos.read(photo, type);
    if (read.ok) {
      const token = tokenOfQr(read.text, this.deps.publicUrl);
      if (token === undefined) return this.#notOurs('the QR code leads to another site');
      return this.deps.verification.verify(token);
    }
    switch (read.code) {
      case 'busy':
        throw new AppError(
          'service_unavailable',
          'Too many photos are being read right now; try again in a few seconds, or upload the PDF',
        );
      case 'image_too_large':
        throw fieldError('payload_too_large', 'file', 'expected a photo of at most 24 megapixels');
      case 'image_unreadable':
        throw fieldError(
          'qr_unreadable',
          'file',
          'the image cannot be decoded (damaged or cut short); upload the photo again, or the PDF',
        );
      case 'qr_not_found':
        throw fieldError(
          'qr_unreadable',
          'file',
          'no QR code could be read in the image; photograph it closer and in focus, or upload the PDF',
        );
    }
  }

  /**
   * Verifies a certificate PDF by its attached file; a PDF that cannot be read in time is
   * `invalid` (`format`), as one that cannot be read at all.
   *
   * @throws AppError `service_unavailable` when too many PDFs are being read.
   */
  async verifyPdf(pdf: Uint8Array): Promise<DocumentVerificationResult> {
    const attached = await this.deps.pdfs.read(
      pdf,
      CERTIFICATE_FILE_NAME,
      MAX_CERTIFICATE_FILE_BYTES,
    );
    if (!attached.ok) {
      if (attached.code === 'busy') {
        throw new AppError(
          'service_unavailable',
          'Too many PDFs are being read right now; try again in a few seconds',
        );
      }
      const why =
        attached.code === 'pdf_unreadable'
          ? 'the PDF cannot be read'
          : `the PDF carries no usable ${CERTIFICATE_FILE_NAME}`;
      return this.#notOurs(why);
    }

    const decoded = decodeCertificateFile(attached.bytes);
    if (!decoded.ok) return this.#notOurs(decoded.message);
    const { file } = decoded;

    // The token as if scanned from the QR: signature, registry record, status, validity.
    // A certificate in the answer means the registry's record matched the token; without one
    // (a forged or unknown token) there is nothing the embedded record could be compared with.
    const result = await this.deps.verification.verify(file.token);
    if (!result.certificate) return result;

    // The embedded record must be the bytes the token signed.
    const parsed = parseToken(file.token.trim().toUpperCase());
    const record =
      parsed.ok && certificateFileDigest(file) === parsed.token.digest
        ? parseRecord(file.record)
        : undefined;
    if (!record) {
      return {
        verdict: 'invalid',
        cause: 'record_mismatch',
        message: 'The certificate data in the file does not match its signed code: it was altered',
        checkedAt: result.checkedAt,
      };
    }
    return { ...result, record: recordMatch(record) };
  }

  /** `invalid` with cause `format`: the upload is not a certificate of this registry. */
  #notOurs(why: string): DocumentVerificationResult {
    return {
      verdict: 'invalid',
      cause: 'format',
      message: `Not a certificate of this registry: ${why}`,
      checkedAt: this.deps.clock.now().toISOString(),
    };
  }
}

/**
 * The token in a QR text `<PUBLIC_URL>/V/<TOKEN>`, or the text itself when it is no URL (the
 * verdict then says whether it is a token). A URL of another site gives undefined: a genuine
 * token behind a foreign link is the mark of a phishing copy, and is not passed on as ours.
 */
function tokenOfQr(text: string, publicUrl: string): string | undefined {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;

  const ours = `${publicUrl.replace(/\/+$/, '')}/v/`.toLowerCase();
  if (!trimmed.toLowerCase().startsWith(ours)) return undefined;
  return trimmed.slice(ours.length);
}

function recordMatch(record: CertificateRecord): RecordMatch {
  const { guardian, child, provider, decision } = record;
  return {
    matches: true,
    serial: record.serial,
    type: record.type,
    provider: { id: provider.id, nameKk: provider.nameKk, nameRu: provider.nameRu },
    guardian: { ...guardian, iin: maskIin(guardian.iin) },
    child: { ...child, iin: maskIin(child.iin) },
    decision: { number: decision.number, date: decision.date },
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    issuedAt: record.issuedAt,
  };
}

/** The signed record; its digest matched, so it is the issuer's JSON, but be careful anyway. */
function parseRecord(text: string): CertificateRecord | undefined {
  try {
    const value = JSON.parse(text) as CertificateRecord | null;
    return value?.guardian && value.child ? value : undefined;
  } catch {
    return undefined;
  }
}
