import { Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/dev/personas`, demo mode only: the demo applicants with the outcome each one's
 * application reaches (`issued`, `refused:<reason>`, `review`), their phone for the SMS code and
 * their EDS key file when one was written. Outside demo mode it answers 404 like any unknown path.
 */
export function devPersonasRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/dev/personas', async (c) => {
    const directory = services.applications.personas;
    if (!directory) throw new AppError('not_found', 'No such resource');

    c.header('Cache-Control', 'no-store');
    return c.json({ personas: await directory.list() });
  });
}
