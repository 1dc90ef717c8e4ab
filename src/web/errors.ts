import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS } from '../domain/error-status.js';
import { AppError, type ErrorCode } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import { isUnavailableError } from '../store/unavailable.js';
import type { AppEnv } from './env.js';

/**
 * The one error body of the API: `{ error: { code, message, field? }, requestId }`. What a page
 * may need besides goes in headers: `Retry-After`, and `Attempts-Left` on a wrong sign-in code.
 */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
  requestId: string;
}

/** Codes for the few errors Hono itself raises before our handlers run. */
function fromHttpException(error: HTTPException): AppError {
  if (error.status === 400 && /json/i.test(error.message)) {
    return new AppError('malformed_json', 'The request body is not valid JSON');
  }
  if (error.status === 413) {
    return new AppError('payload_too_large', 'The request body is too large');
  }
  if (error.status === 401) return new AppError('unauthorized', 'Authentication is required');
  return new AppError('validation_failed', error.message || 'The request is not valid');
}

/**
 * The one place that turns errors into HTTP. AppErrors keep their code and message; anything
 * else is logged with the request id and answered without internals (no stack, no SQL).
 */
export function errorResponder(logger: Logger) {
  return (error: unknown, c: Context<AppEnv>) => {
    const requestId = c.get('requestId') ?? 'unknown';

    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (error instanceof HTTPException) {
      appError = fromHttpException(error);
    } else if (isUnavailableError(error)) {
      logger.error('dependency_unavailable', { requestId, error: describe(error) });
      appError = new AppError('service_unavailable', 'The registry is temporarily unavailable');
    } else {
      logger.error('unhandled_error', { requestId, error: describe(error) });
      appError = new AppError('internal', 'An internal error occurred; quote the request id');
    }

    const status = ERROR_STATUS[appError.code] as ContentfulStatusCode;
    if (status === 503) c.header('Retry-After', '5');
    if (appError.attemptsLeft !== undefined)
      c.header('Attempts-Left', String(appError.attemptsLeft));
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.field ? { field: appError.field } : {}),
      },
      requestId,
    };
    return c.json(body, status);
  };
}

/** Name and first line only: driver messages can quote SQL parameters. */
function describe(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${error.message.split('\n')[0]?.slice(0, 200)}`;
  return typeof error;
}
