import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { officerAuth } from '../middleware/officer-auth.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/console/officer`: who a bearer token belongs to, for the console to greet the
 * officer and show only what their roles allow. Names the officer's own provider only.
 */
export function consoleOfficerRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/console/officer',
    officerAuth(services.store),
    async (c) => {
      const officer = c.get('officer');
      const provider = await services.store.provider(officer.providerId);

      c.header('Cache-Control', 'private, no-store');
      return c.json({
        id: officer.id,
        roles: officer.roles,
        provider: {
          id: officer.providerId,
          nameKk: provider?.nameKk ?? null,
          nameRu: provider?.nameRu ?? null,
          nameEn: provider?.nameEn ?? null,
        },
      });
    },
  );
}
