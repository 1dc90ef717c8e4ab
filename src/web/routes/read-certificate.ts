import { Hono } from 'hono';
import { isCertificateId } from '../../crypto/certificate-id.js';
import { AppError } from '../../domain/errors.js';
import type { CertificateRow } from '../../store/registry-store.js';
import { certificateJson, suspensionsJson } from '../certificate-json.js';
import type { AppEnv, Officer } from '../env.js';
import { officerAuth } from '../middleware/officer-auth.js';
import type { AppServices } from '../services.js';

/**
 * The certificate if it exists and the officer's provider issued it. Another provider's
 * certificate is answered exactly like a missing one, so ids cannot be probed.
 */
export async function ownCertificate(
  services: AppServices,
  officer: Officer,
  id: string,
): Promise<CertificateRow> {
  const row = isCertificateId(id) ? await services.store.certificate(id) : undefined;
  if (!row || row.providerId !== officer.providerId) {
    throw new AppError('not_found', 'No certificate with this id was issued by your provider');
  }
  return row;
}

/** `GET /api/v1/certificates/<id>`: the full record, for officers of the issuing provider. */
export function readCertificateRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/certificates/:id',
    officerAuth(services.store),
    async (c) => {
      const row = await ownCertificate(services, c.get('officer'), c.req.param('id'));
      const suspensions = suspensionsJson(await services.suspensions.history(row.id));
      c.header('Cache-Control', 'no-store');
      return c.json({
        ...certificateJson(row, services.documents.verifyUrl(row.token)),
        ...(suspensions.length > 0 ? { suspensions } : {}),
      });
    },
  );
}
