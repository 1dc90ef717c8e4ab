import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/log/checkpoint`: the latest signed checkpoint as a c2sp.org/signed-note, signing
 * a new one first when the tree has grown and the latest is at least a second old.
 */
export function logCheckpointRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/log/checkpoint', async (c) => {
    const checkpoint = await services.transparencyLog.checkpoint();

    c.header('Cache-Control', 'no-cache');
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(checkpoint.note);
  });
}
