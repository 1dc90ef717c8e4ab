import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { citizenSession } from '../middleware/citizen-session.js';
import type { AppServices } from '../services.js';

const MEDIA = { pdf: 'application/pdf', png: 'image/png' } as const;

/**
 * `GET /api/v1/cabinet/certificates/<id>/document.pdf|png`: the holder downloads a certificate
 * issued on their own application; any other id answers 404, a revoked certificate
 * `409 certificate_revoked`. The officers' downloads (`/api/v1/certificates/<id>/…`) still serve
 * revoked ones: the provider keeps its file.
 */
export function cabinetCertificateDocumentsRoute(services: AppServices) {
  const app = new Hono<AppEnv>();

  for (const format of ['pdf', 'png'] as const) {
    app.get(
      `/api/v1/cabinet/certificates/:id/document.${format}`,
      citizenSession(services.sessions),
      async (c) => {
        const row = await services.applications.cabinet.certificate(
          c.get('citizen').iin,
          c.req.param('id'),
        );
        const bytes = await services.documents.render(row, format);

        c.header('Content-Type', MEDIA[format]);
        c.header('Content-Disposition', `inline; filename="${row.serial}.${format}"`);
        c.header('Cache-Control', 'private, no-store');
        return c.body(bytes as Uint8Array<ArrayBuffer>);
      },
    );
  }
  return app;
}
