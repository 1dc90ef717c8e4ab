import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, fieldError } from '../../domain/errors.js';
import { applicationPath } from '../application-json.js';
import type { AppEnv } from '../env.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { citizenSession } from '../middleware/citizen-session.js';
import {
  type ApplicationRequest,
  MAX_MULTIPART_BYTES,
  readApplicationRequest,
} from '../schemas/application-request.js';
import type { AppServices } from '../services.js';

const limit = bodyLimit({
  maxSize: MAX_MULTIPART_BYTES,
  onError: () => {
    throw fieldError('payload_too_large', 'attachment', 'expected a file of at most 5 MB');
  },
});

/**
 * `POST /api/v1/applications`: a signed-in citizen applies. JSON `{ type, childIin }`, or
 * multipart/form-data with the same fields and an `attachment` (a copy of the birth
 * certificate). An EDS-signed application adds `applicationId`, `submittedAt` and `signature`
 * (see src/applications/application-document.ts). Answers `202 { id, status, deadline }` once
 * the application is stored; a repeated Idempotency-Key answers the same application.
 *
 * The limits on applying (src/applications/submission-limits.ts): while the applicant's
 * application for this child and type is open, `409 application_open` on `childIin`, with that
 * application's path in `Location` (as the 202 names the new one) and its id in the message;
 * past the applications of one day, `429 rate_limited` with `Retry-After` until Almaty midnight.
 */
export function applicationSubmitRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/applications',
    citizenSession(services.sessions),
    limit,
    async (c) => {
      const idempotencyKey = idempotencyKeyOf(c);

      const { request, attachment } = await readApplicationRequest(c);
      const result = await services.applications.submissions.submit({
        applicant: c.get('citizen'),
        type: request.type,
        childIin: request.childIin,
        attachment,
        signed: signedPart(request),
        idempotencyKey,
        requestId: c.get('requestId'),
      });

      if (result.status === 'application_open') {
        c.header('Location', applicationPath(result.openApplicationId));
        throw fieldError(
          'application_open',
          'childIin',
          `an application for this child and certificate type is already being processed ` +
            `(${result.openApplicationId}); follow it, and apply again once it is issued or refused`,
        );
      }
      if (result.status === 'rate_limited') {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        c.header('Retry-After', String(seconds));
        throw new AppError(
          'rate_limited',
          `Too many applications today: at most ${result.limit} a day for one applicant ` +
            `(Almaty time); try again in ${seconds} s`,
        );
      }

      const { application, created } = result;
      c.header('Location', applicationPath(application.id));
      if (!created) c.header('Idempotent-Replayed', 'true');
      return c.json(
        {
          id: application.id,
          status: application.status,
          submittedAt: application.submittedAt.toISOString(),
          deadline: application.deadline.toISOString(),
          signedWith: application.signedWith,
          links: { self: applicationPath(application.id) },
        },
        202,
      );
    },
  );
}

/** The three fields of a signed application come together or not at all. */
function signedPart(request: ApplicationRequest) {
  const { applicationId, submittedAt, signature } = request;
  if (applicationId === undefined && submittedAt === undefined && signature === undefined) {
    return undefined;
  }

  const missing = [
    ['signature', signature],
    ['applicationId', applicationId],
    ['submittedAt', submittedAt],
  ].find(([, value]) => value === undefined)?.[0];
  if (missing !== undefined || !applicationId || !submittedAt || !signature) {
    const field = missing ?? 'signature';
    const detail = 'is required with a signed application (signature, applicationId, submittedAt)';
    throw fieldError('validation_failed', field, detail);
  }
  return { applicationId, submittedAt, signature };
}
