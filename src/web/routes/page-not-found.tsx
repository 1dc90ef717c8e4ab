import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { NotFoundPage } from '../pages/not-found-page.js';

/**
 * Browser pages under `/v/` that match no verify page (`/v/`, `/v/<token>/more`): an HTML 404
 * a phone camera's visitor can read, where `/api/...` keeps the JSON error. Mounted after the
 * verify page, so only what it leaves comes here.
 */
export function pageNotFoundRoute() {
  return new Hono<AppEnv>().get('/v/*', (c) => notFoundPage(c));
}

/**
 * The same page for any other address a browser asks for (`/service/`, a mistyped link), when
 * it asks for HTML: API clients and machine paths keep the JSON error.
 */
export function browserNotFound(c: Context<AppEnv>): Response | Promise<Response> | undefined {
  const { method, path } = c.req;
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  if (path.startsWith('/api/') || path.startsWith('/.well-known/')) return undefined;
  if (!/\btext\/html\b/.test(c.req.header('accept') ?? '')) return undefined;
  return notFoundPage(c);
}

function notFoundPage(c: Context<AppEnv>) {
  return c.html(<NotFoundPage lang={c.get('lang')} path="/" />, 404);
}
