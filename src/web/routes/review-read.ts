import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { findingJson, reviewItemJson } from '../review-json.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/review/applications/<id>`: one application of the officer's provider with what
 * the state records say now (`facts`, null while the gateway is down).
 */
export function reviewReadRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/review/applications/:id',
    officerAuth(services.store, 'reviewer'),
    async (c) => {
      const view = await services.applications.review.read(c.get('officer'), c.req.param('id'));
      c.header('Cache-Control', 'no-store');
      return c.json({ ...reviewItemJson(view), facts: findingJson(view.finding) });
    },
  );
}
