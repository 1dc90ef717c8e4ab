import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sniffAttachmentType } from '../../applications/attachment-type.js';
import type { PhotoMediaType } from '../../documents/qr-photo.js';
import { AppError, fieldError } from '../../domain/errors.js';
import { VERIFIER_HEADER, verifierOrganization } from '../../services/verification-log.js';
import type { AppEnv } from '../env.js';
import { ANONYMOUS_LIMITS, rateLimit } from '../rate-limit.js';
import type { AppServices } from '../services.js';

/** A certificate PDF is about 100 KB; a phone photo a few megabytes. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

const limit = bodyLimit({
  // Room for the multipart framing around the file.
  maxSize: MAX_UPLOAD_BYTES + 16 * 1024,
  onError: () => {
    throw fieldError('payload_too_large', 'file', 'expected a file of at most 8 MB');
  },
});

/** ISO 32000-1 §7.5.2: the header opens with "%PDF-" (a few bytes of junk before it are allowed). */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PDF_HEADER_WINDOW = 1024;

type Upload = { type: 'application/pdf' } | { type: PhotoMediaType };

/**
 * `POST /api/v1/verify`: multipart/form-data with one `file`, a certificate PDF as the registry
 * delivered it, or a PNG or JPEG photo of the paper. Answers the verdict as
 * `GET /api/v1/verify/<token>` does for the QR token the file carries; for a PDF also `record`
 * (the full names and facts of the embedded signed record) when the record is the one the token
 * signed, while an edited record is `invalid` with cause `record_mismatch`.
 */
export function verifyUploadRoute(services: AppServices) {
  const perClient = rateLimit(ANONYMOUS_LIMITS.uploads, 'uploads');
  return new Hono<AppEnv>().post('/api/v1/verify', perClient, limit, async (c) => {
    verifierOrganization(c.req.header(VERIFIER_HEADER)); // a bad name is a 400, before the decode
    const { file, type } = await readFile(c.req.header('content-type'), () =>
      c.req.parseBody({ all: true }),
    );

    const verifier = services.documentVerification;
    const result =
      type === 'application/pdf'
        ? await verifier.verifyPdf(file)
        : await verifier.verifyPhoto(file, type);
    services.verificationLog.recordVerdict(result, c.req.header('x-verifier-organization'));
    c.header('Cache-Control', 'no-store');
    return c.json(result);
  });
}

async function readFile(
  contentType: string | undefined,
  parseBody: () => Promise<Record<string, string | File | (string | File)[]>>,
): Promise<{ file: Uint8Array; type: Upload['type'] }> {
  if (!/^multipart\/form-data\s*;/i.test(contentType ?? '')) {
    throw new AppError(
      'unsupported_media_type',
      'file: send the certificate PDF as multipart/form-data in the field "file"',
      'file',
    );
  }

  let form: Record<string, unknown>;
  try {
    form = await parseBody();
  } catch {
    throw fieldError('validation_failed', 'file', 'the multipart body cannot be read');
  }
  const extra = Object.keys(form).find((name) => name !== 'file');
  if (extra !== undefined) throw fieldError('validation_failed', extra, 'unknown field');

  const value = form.file;
  if (Array.isArray(value)) throw fieldError('validation_failed', 'file', 'expected one file');
  if (value === undefined) throw fieldError('validation_failed', 'file', 'is required');
  if (!(value instanceof File)) throw fieldError('validation_failed', 'file', 'expected a file');

  const bytes = new Uint8Array(await value.arrayBuffer());
  if (bytes.length === 0) throw fieldError('validation_failed', 'file', 'is empty');
  const type = mediaType(bytes);
  if (type === undefined) {
    throw fieldError(
      'unsupported_media_type',
      'file',
      'expected a PDF certificate or a PNG or JPEG photo of it',
    );
  }
  return { file: bytes, type };
}

/** What the content is, by its first bytes; the declared type and the name do not count. */
function mediaType(bytes: Uint8Array): Upload['type'] | undefined {
  const photo = sniffAttachmentType(bytes);
  if (photo === 'image/png' || photo === 'image/jpeg') return photo;
  return isPdf(bytes) ? 'application/pdf' : undefined;
}

function isPdf(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, PDF_HEADER_WINDOW);
  for (let at = 0; at + PDF_MAGIC.length <= window.length; at++) {
    if (PDF_MAGIC.every((byte, i) => window[at + i] === byte)) return true;
  }
  return false;
}
