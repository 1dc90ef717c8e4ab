import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { reviewItemJson } from '../review-json.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/review/applications`: the officer's provider's applications waiting for review,
 * the nearest deadline first, each flagged `overdue` past its 30-minute term.
 */
export function reviewQueueRoute(services: AppServices) {
  return new Hono<AppEnv>().get(
    '/api/v1/review/applications',
    officerAuth(services.store, 'reviewer'),
    async (c) => {
      const queue = await services.applications.review.queue(c.get('officer'));
      c.header('Cache-Control', 'no-store');
      return c.json({ applications: queue.map(reviewItemJson) });
    },
  );
}
