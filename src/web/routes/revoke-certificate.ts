import { Hono } from 'hono';
import { isCertificateId } from '../../crypto/certificate-id.js';
import { AppError } from '../../domain/errors.js';
import { certificateJson } from '../certificate-json.js';
import type { AppEnv } from '../env.js';
import { jsonBody } from '../middleware/json-body.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { revokeRequestSchema } from '../schemas/issue-request.js';
import type { AppServices } from '../services.js';

/** `POST /api/v1/certificates/<id>/revoke`: the issuing provider revokes; again is harmless. */
export function revokeCertificateRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/certificates/:id/revoke',
    officerAuth(services.store, 'revoker'),
    jsonBody(revokeRequestSchema),
    async (c) => {
      const id = c.req.param('id');
      if (!isCertificateId(id)) {
        throw new AppError('not_found', 'No certificate with this id was issued by your provider');
      }

      const officer = c.get('officer');
      const body = c.req.valid('json');
      const { certificate, changed } = await services.revocation.revoke({
        certificateId: id,
        providerId: officer.providerId,
        actor: `officer:${officer.id}`,
        reason: body.reason,
        comment: body.comment,
        requestId: c.get('requestId'),
      });

      const json = certificateJson(certificate, services.documents.verifyUrl(certificate.token));
      return c.json({ ...json, alreadyRevoked: !changed });
    },
  );
}
