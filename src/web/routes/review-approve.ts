import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { noBody } from '../middleware/json-body.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { reviewResultJson } from '../review-json.js';
import type { AppServices } from '../services.js';

/**
 * `POST /api/v1/review/applications/<id>/approve`: the officer confirms the attached copy; the
 * certificate is issued from the state records by the officer's provider. No body is needed (none, or `{}`):
 * what is printed comes from the records, not from the officer's keyboard.
 */
export function reviewApproveRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/review/applications/:id/approve',
    officerAuth(services.store, 'reviewer'),
    noBody,
    async (c) => {
      const officer = c.get('officer');
      const row = await services.applications.review.approve(
        officer,
        c.req.param('id'),
        c.get('requestId'),
      );
      return c.json(reviewResultJson(row));
    },
  );
}
