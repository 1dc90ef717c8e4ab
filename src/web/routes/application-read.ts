import { Hono } from 'hono';
import { applicationJson } from '../application-json.js';
import type { AppEnv } from '../env.js';
import { citizenSession } from '../middleware/citizen-session.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/applications/<id>`: the applicant's own application with its status history.
 * Another citizen's application answers 404, exactly like one that does not exist.
 */
export function applicationReadRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/applications/:id',
    citizenSession(services.sessions),
    async (c) => {
      const view = await services.applications.cabinet.application(
        c.get('citizen').iin,
        c.req.param('id'),
      );
      c.header('Cache-Control', 'private, no-store');
      return c.json(applicationJson(view));
    },
  );
}
