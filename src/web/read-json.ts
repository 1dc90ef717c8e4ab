import type { Context } from 'hono';
import { AppError, fieldError } from '../domain/errors.js';
import { duplicateKeyPath } from './json-duplicate-key.js';

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const CHARSET = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i;

/** True when a Content-Type header names JSON (`application/json`, with any parameters). */
export function isJsonType(contentType: string | undefined): boolean {
  return JSON_TYPE.test(contentType ?? '');
}

/**
 * Requires `Content-Type: application/json`, and UTF-8 when a charset is named: RFC 8259 §8.1
 * allows no other encoding, and reading Latin-1 bytes as UTF-8 would change the names they hold.
 */
export function assertJsonType(contentType: string | undefined): void {
  if (!isJsonType(contentType)) {
    throw new AppError('unsupported_media_type', 'Send the body as Content-Type: application/json');
  }
  assertUtf8(contentType ?? '');
}

/** Refuses a JSON Content-Type that names a charset other than UTF-8 (case-insensitive). */
export function assertUtf8(contentType: string): void {
  const charset = CHARSET.exec(contentType)?.[2];
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
    throw new AppError(
      'unsupported_media_type',
      'The body must be JSON in UTF-8: send charset=utf-8 or no charset',
    );
  }
}

/**
 * The one reader of JSON request bodies: the bytes must be UTF-8 and well-formed JSON
 * (`400 malformed_json`), and no object may repeat a member name (`400 validation_failed` naming
 * it, see json-duplicate-key.ts). An empty body is `emptyAs` when given, else malformed.
 */
export async function readJson(c: Context, options: { emptyAs?: unknown } = {}): Promise<unknown> {
  const text = await readUtf8(c);
  if (text === '' && options.emptyAs !== undefined) return options.emptyAs;

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('malformed_json', 'The request body is not valid JSON');
  }

  const duplicate = duplicateKeyPath(text);
  if (duplicate !== undefined) {
    throw fieldError('validation_failed', duplicate, 'appears twice');
  }
  return body;
}

/** The body as text; bytes that are not UTF-8 are refused rather than replaced with U+FFFD. */
export async function readUtf8(c: Context): Promise<string> {
  const bytes = await c.req.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('malformed_json', 'The request body is not valid UTF-8');
  }
}
