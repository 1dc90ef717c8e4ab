import { Hono } from 'hono';
import { z } from 'zod';
import { OFFICER_REFUSALS } from '../../applications/refusal-reasons.js';
import type { AppEnv } from '../env.js';
import { jsonBody } from '../middleware/json-body.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { reviewResultJson } from '../review-json.js';
import { freeText } from '../schemas/free-text.js';
import type { AppServices } from '../services.js';

const refuseSchema = z.strictObject({
  reason: z.enum(OFFICER_REFUSALS, { message: `expected one of ${OFFICER_REFUSALS.join(', ')}` }),
  /** Shown to the applicant with the reason; kept out of events and logs. */
  comment: freeText(500).optional(),
});

/** `POST /api/v1/review/applications/<id>/refuse` `{ reason, comment? }`. */
export function reviewRefuseRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/review/applications/:id/refuse',
    officerAuth(services.store, 'reviewer'),
    jsonBody(refuseSchema),
    async (c) => {
      const row = await services.applications.review.refuse(
        c.get('officer'),
        c.req.param('id'),
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(reviewResultJson(row));
    },
  );
}
