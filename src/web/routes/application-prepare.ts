import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { citizenSession } from '../middleware/citizen-session.js';
import { jsonBody } from '../middleware/json-body.js';
import { prepareRequestSchema } from '../schemas/application-request.js';
import type { AppServices } from '../services.js';

/**
 * `POST /api/v1/applications/prepare`: the document an EDS holder signs, with a fresh id and
 * the current time. Nothing is stored; the client signs `document` (its UTF-8 bytes, Ed25519)
 * and posts `applicationId`, `submittedAt` and the base64url `signature` with the application.
 */
export function applicationPrepareRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/applications/prepare',
    citizenSession(services.sessions),
    jsonBody(prepareRequestSchema),
    (c) => {
      const body = c.req.valid('json');
      const prepared = services.applications.submissions.prepare({
        applicantIin: c.get('citizen').iin,
        ...body,
      });

      c.header('Cache-Control', 'no-store');
      return c.json({ ...prepared, algorithm: 'Ed25519', encoding: 'base64url' });
    },
  );
}
