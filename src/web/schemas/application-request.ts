import type { Context } from 'hono';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../../applications/attachment-type.js';
import { CERTIFICATE_TYPES } from '../../domain/certificate.js';
import { AppError, fieldError } from '../../domain/errors.js';
import { assertUtf8, isJsonType, readJson } from '../read-json.js';
import { validationError } from '../validate.js';

const type = z.enum(CERTIFICATE_TYPES, { message: 'expected "guardianship" or "trusteeship"' });
// The IIN's form and check digit are a rule of the service (422), checked after the shape.
const childIin = z.string().max(32, 'at most 32 characters');

/**
 * `POST /api/v1/applications`: the type and the child, and for an EDS-signed application the id
 * and time written into the signed document with the signature (see application-document.ts).
 */
export const applicationRequestSchema = z.strictObject({
  type,
  childIin,
  applicationId: z.string().max(64, 'at most 64 characters').optional(),
  submittedAt: z.string().max(64, 'at most 64 characters').optional(),
  signature: z.string().max(256, 'at most 256 characters').optional(),
});

export type ApplicationRequest = z.infer<typeof applicationRequestSchema>;

/** `POST /api/v1/applications/prepare`: what the document to sign is about. */
export const prepareRequestSchema = z.strictObject({
  type,
  childIin,
  attachmentSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex characters')
    .optional(),
});

/** The most a multipart body may carry: the file and a little room for the other fields. */
export const MAX_MULTIPART_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

/**
 * Reads the application from a JSON body or from multipart/form-data (the fields plus an
 * optional `attachment` file). Unknown fields, a file in a text field or text in the file field
 * are errors that name the field.
 */
export async function readApplicationRequest(
  c: Context,
): Promise<{ request: ApplicationRequest; attachment?: Uint8Array }> {
  const contentType = c.req.header('content-type') ?? '';

  if (isJsonType(contentType)) {
    assertUtf8(contentType);
    return { request: parse(await readJson(c)) };
  }

  if (/^multipart\/form-data\s*;/i.test(contentType)) {
    // `all`: a field sent twice comes as a list and is refused, rather than the last one kept.
    const form = await c.req.parseBody({ all: true });
    const fields: Record<string, unknown> = {};
    let attachment: Uint8Array | undefined;

    for (const [name, value] of Object.entries(form)) {
      if (Array.isArray(value)) {
        throw fieldError('validation_failed', name, `expected one value; found ${value.length}`);
      }
      if (name === 'attachment') {
        if (!(value instanceof File)) {
          throw fieldError('validation_failed', 'attachment', 'expected a file; found text');
        }
        attachment = new Uint8Array(await value.arrayBuffer());
      } else if (typeof value === 'string') {
        fields[name] = value;
      } else {
        throw fieldError('validation_failed', name, 'expected text; found a file');
      }
    }
    return attachment ? { request: parse(fields), attachment } : { request: parse(fields) };
  }

  throw new AppError(
    'unsupported_media_type',
    'Send the application as application/json, or as multipart/form-data with an attachment',
  );
}

/** The request, or the first problem of the zod parse as a 400 naming the field. */
function parse(body: unknown): ApplicationRequest {
  const result = applicationRequestSchema.safeParse(body);
  if (result.success) return result.data;
  throw validationError(result.error, body);
}
