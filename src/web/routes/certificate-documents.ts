import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { officerAuth } from '../middleware/officer-auth.js';
import type { AppServices } from '../services.js';
import { ownCertificate } from './read-certificate.js';

const MEDIA = { pdf: 'application/pdf', png: 'image/png' } as const;

/** `GET /api/v1/certificates/<id>/document.pdf|png`: the rendered certificate. */
export function certificateDocumentsRoute(services: AppServices) {
  const app = new Hono<AppEnv>();

  for (const format of ['pdf', 'png'] as const) {
    app.get(
      `/api/v1/certificates/:id/document.${format}`,
      officerAuth(services.store),
      async (c) => {
        const row = await ownCertificate(services, c.get('officer'), c.req.param('id'));
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
