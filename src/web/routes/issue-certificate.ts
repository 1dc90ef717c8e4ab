import { Hono } from 'hono';
import { certificateJson } from '../certificate-json.js';
import type { AppEnv } from '../env.js';
import { idempotencyKeyOf } from '../idempotency-key.js';
import { jsonBody } from '../middleware/json-body.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { issueRequestSchema } from '../schemas/issue-request.js';
import type { AppServices } from '../services.js';

/** `POST /api/v1/certificates`: an officer issues; a retried Idempotency-Key gets the same one. */
export function issueCertificateRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/certificates',
    officerAuth(services.store, 'issuer'),
    jsonBody(issueRequestSchema),
    async (c) => {
      const idempotencyKey = idempotencyKeyOf(c);

      const officer = c.get('officer');
      const { certificate, created } = await services.issuance.issue({
        actor: `officer:${officer.id}`,
        providerId: officer.providerId,
        request: c.req.valid('json'),
        idempotencyKey,
        requestId: c.get('requestId'),
      });

      const body = certificateJson(certificate, services.documents.verifyUrl(certificate.token));
      c.header('Location', `/api/v1/certificates/${certificate.id}`);
      if (!created) c.header('Idempotent-Replayed', 'true');
      return c.json(body, created ? 201 : 200);
    },
  );
}
