import { Hono } from 'hono';
import { applicationSummaryJson } from '../application-json.js';
import type { AppEnv } from '../env.js';
import { citizenSession } from '../middleware/citizen-session.js';
import type { AppServices } from '../services.js';

/** `GET /api/v1/cabinet/applications`: the applicant's applications, newest first. */
export function cabinetApplicationsRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/cabinet/applications',
    citizenSession(services.sessions),
    async (c) => {
      const views = await services.applications.cabinet.applications(c.get('citizen').iin);
      c.header('Cache-Control', 'private, no-store');
      return c.json({
        applications: views.map((v) => applicationSummaryJson(v.application, v.overdue)),
      });
    },
  );
}
