import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../src/domain/error-status.js';
import { AppError, ERROR_CODES, fieldError, isAppError } from '../../src/domain/errors.js';

describe('AppError', () => {
  it('carries a code, a message and an optional field', () => {
    const error = new AppError('not_found', 'certificate: no certificate has this id', 'id');

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('certificate: no certificate has this id');
    expect(error.field).toBe('id');
  });

  it('leaves field unset when none is given', () => {
    const error = new AppError('unauthorized', 'A bearer token is required');

    expect(error.field).toBeUndefined();
  });

  it('keeps the cause for logs', () => {
    const cause = new Error('connection refused');
    const error = new AppError(
      'service_unavailable',
      'The registry store does not answer',
      undefined,
      {
        cause,
      },
    );

    expect(error.cause).toBe(cause);
  });

  it('builds field errors whose message starts with the field path', () => {
    const error = fieldError('validation_failed', 'guardian.lastName', 'expected letters');

    expect(error.code).toBe('validation_failed');
    expect(error.field).toBe('guardian.lastName');
    expect(error.message).toBe('guardian.lastName: expected letters');
  });

  it('is recognised by isAppError and nothing else is', () => {
    expect(isAppError(new AppError('internal', 'x'))).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError({ code: 'internal', message: 'x' })).toBe(false);
  });
});

describe('ERROR_STATUS', () => {
  it('maps every code, and only known codes, to an HTTP status', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());

    for (const status of Object.values(ERROR_STATUS)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it('keeps malformed requests at 400, broken rules at 422 and retryable outages at 503', () => {
    expect(ERROR_STATUS.validation_failed).toBe(400);
    expect(ERROR_STATUS.invalid_iin).toBe(422);
    expect(ERROR_STATUS.valid_until_out_of_range).toBe(422);
    expect(ERROR_STATUS.idempotency_conflict).toBe(409);
    expect(ERROR_STATUS.service_unavailable).toBe(503);
    expect(ERROR_STATUS.internal).toBe(500);
  });
});
