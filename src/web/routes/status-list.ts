import { Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/status-lists/<providerId>`: the provider's signed status list, the same for
 * everyone, so fetching it says nothing about which certificate a verifier holds.
 */
export function statusListRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/status-lists/:providerId', async (c) => {
    const providerId = c.req.param('providerId');
    const list = /^[a-z0-9][a-z0-9_-]{0,63}$/.test(providerId)
      ? await services.statusLists.list(providerId)
      : undefined;
    if (!list) throw new AppError('not_found', 'No provider with this id');

    // Shared caches may keep it a minute; a verifier refreshes it well within `validUntil`.
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(list);
  });
}
