import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, fieldError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/** A certificate PDF is about 100 KB; a copy re-saved by another program may be larger. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const limit = bodyLimit({
  // Room for the multipart framing around the file.
  maxSize: MAX_UPLOAD_BYTES + 16 * 1024,
  onError: () => {
    throw fieldError('payload_too_large', 'file', 'expected a file of at most 2 MB');
  },
});

/** ISO 32000-1 §7.5.2: the header opens with "%PDF-" (a few bytes of junk before it are allowed). */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PDF_HEADER_WINDOW = 1024;

/**
 * `POST /api/v1/verify`: multipart/form-data with one `file`, a certificate PDF as the registry
 * delivered it. Answers the verdict as `GET /api/v1/verify/<token>` does for the QR token the file
 * carries, plus `record` (the full names and facts of the embedded signed record) when the record
 * is the one the token signed; an edited record is `invalid` with cause `record_mismatch`.
 */
export function verifyUploadRoute(services: AppServices) {
  return new Hono<AppEnv>().post('/api/v1/verify', limit, async (c) => {
    const file = await readFile(c.req.header('content-type'), () => c.req.parseBody());

    const result = await services.documentVerification.verifyPdf(file);
    services.verificationLog.recordVerdict(result, c.req.header('x-verifier-organization'));
    c.header('Cache-Control', 'no-store');
    return c.json(result);
  });
}

async function readFile(
  contentType: string | undefined,
  parseBody: () => Promise<Record<string, string | File | (string | File)[]>>,
): Promise<Uint8Array> {
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
  if (value === undefined) throw fieldError('validation_failed', 'file', 'is required');
  if (!(value instanceof File)) throw fieldError('validation_failed', 'file', 'expected a file');

  const bytes = new Uint8Array(await value.arrayBuffer());
  if (bytes.length === 0) throw fieldError('validation_failed', 'file', 'is empty');
  if (!isPdf(bytes)) {
    throw fieldError(
      'unsupported_media_type',
      'file',
      'expected a PDF certificate; photos and other files are not read',
    );
  }
  return bytes;
}

function isPdf(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, PDF_HEADER_WINDOW);
  for (let at = 0; at + PDF_MAGIC.length <= window.length; at++) {
    if (PDF_MAGIC.every((byte, i) => window[at + i] === byte)) return true;
  }
  return false;
}
