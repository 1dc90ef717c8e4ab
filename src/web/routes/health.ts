import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/** `GET /healthz`: 200 when the registry answers, 503 when its database does not. */
export function healthRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await services.store.db.execute(sql`select 1`);
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      c.header('Retry-After', '5');
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });
}
