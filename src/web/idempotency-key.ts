import type { Context } from 'hono';
import { AppError } from '../domain/errors.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * The request's `Idempotency-Key`, if any: 1 to 128 visible ASCII characters, or a 400 naming the
 * header. Issuance and applications share it so a client's retry rule is the same everywhere.
 */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(
      'validation_failed',
      'Idempotency-Key: expected 1 to 128 visible ASCII characters',
      'Idempotency-Key',
    );
  }
  return key;
}
