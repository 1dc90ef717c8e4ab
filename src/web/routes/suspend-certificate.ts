import { Hono } from 'hono';
import { isCertificateId } from '../../crypto/certificate-id.js';
import { AppError } from '../../domain/errors.js';
import { certificateJson } from '../certificate-json.js';
import type { AppEnv } from '../env.js';
import { jsonBody } from '../middleware/json-body.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { reinstateRequestSchema, suspendRequestSchema } from '../schemas/suspension-request.js';
import type { AppServices } from '../services.js';

/**
 * `POST /api/v1/certificates/<id>/suspend` and `…/reinstate`: the issuing provider's revoker
 * suspends a certificate for a while and lifts the suspension; asking twice is harmless, a
 * revoked certificate answers `409 certificate_revoked`.
 */
export function suspendCertificateRoutes(services: AppServices) {
  const notFound = () =>
    new AppError('not_found', 'No certificate with this id was issued by your provider');

  return new Hono<AppEnv>()
    .post(
      '/api/v1/certificates/:id/suspend',
      officerAuth(services.store, 'revoker'),
      jsonBody(suspendRequestSchema),
      async (c) => {
        const id = c.req.param('id');
        if (!isCertificateId(id)) throw notFound();

        const officer = c.get('officer');
        const body = c.req.valid('json');
        const { certificate, changed } = await services.suspension.suspend({
          certificateId: id,
          providerId: officer.providerId,
          actor: `officer:${officer.id}`,
          reason: body.reason,
          comment: body.comment,
          requestId: c.get('requestId'),
        });

        const json = certificateJson(certificate, services.documents.verifyUrl(certificate.token));
        return c.json({ ...json, alreadySuspended: !changed });
      },
    )
    .post(
      '/api/v1/certificates/:id/reinstate',
      officerAuth(services.store, 'revoker'),
      jsonBody(reinstateRequestSchema, { optional: true }),
      async (c) => {
        const id = c.req.param('id');
        if (!isCertificateId(id)) throw notFound();

        const officer = c.get('officer');
        const { certificate, changed } = await services.suspension.reinstate({
          certificateId: id,
          providerId: officer.providerId,
          actor: `officer:${officer.id}`,
          comment: c.req.valid('json').comment,
          requestId: c.get('requestId'),
        });

        const json = certificateJson(certificate, services.documents.verifyUrl(certificate.token));
        return c.json({ ...json, alreadyActive: !changed });
      },
    );
}
