import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { NotFoundPage } from '../pages/not-found-page.js';

/**
 * Browser pages under `/v/` that match no verify page (`/v/`, `/v/<token>/more`): an HTML 404
 * a phone camera's visitor can read, where `/api/...` keeps the JSON error. Mounted after the
 * verify page, so only what it leaves comes here.
 */
export function pageNotFoundRoute() {
  return new Hono<AppEnv>().get('/v/*', (c) =>
    c.html(<NotFoundPage lang={c.get('lang')} path="/" />, 404),
  );
}
