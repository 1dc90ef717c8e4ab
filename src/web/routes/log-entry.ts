import { Hono } from 'hono';
import { toBase64 } from '../../translog/base64.js';
import type { AppEnv } from '../env.js';
import { logInteger } from '../log-query.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/log/entries/<index>`: `{ index, leaf }`, the leaf data in standard base64. An
 * entry under a signed checkpoint never changes, so it may be cached for good.
 */
export function logEntryRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/log/entries/:index', async (c) => {
    const index = logInteger(c.req.param('index'), 'index');
    const entry = await services.transparencyLog.entry(index);

    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.json({ index: entry.index, leaf: toBase64(entry.leaf) });
  });
}
