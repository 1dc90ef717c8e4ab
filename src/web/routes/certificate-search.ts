import { Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import { searchCertificates } from '../../store/certificate-search.js';
import { certificateJson } from '../certificate-json.js';
import type { AppEnv } from '../env.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { certificateQuery } from '../schemas/certificate-search.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/certificates?query=<serial or surname>`: the officer's own provider's
 * certificates, newest first, at most 50. The query is never logged (it may be a surname).
 */
export function certificateSearchRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/certificates', officerAuth(services.store), async (c) => {
    const parsed = certificateQuery.safeParse(c.req.query('query'));
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'invalid';
      throw new AppError('validation_failed', `query: ${message}`, 'query');
    }

    const rows = await searchCertificates(
      services.store.db,
      c.get('officer').providerId,
      parsed.data,
    );
    c.header('Cache-Control', 'private, no-store');
    return c.json({
      certificates: rows.map((row) =>
        certificateJson(row, services.documents.verifyUrl(row.token)),
      ),
    });
  });
}
