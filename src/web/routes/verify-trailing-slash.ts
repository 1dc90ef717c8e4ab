import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * `GET /V/<token>/` and `/v/<token>/`: a verify link with a trailing slash (a reader who typed
 * it, a messenger that appended one) is moved for good to the link without it, query kept, so
 * the page is the one the QR code names rather than a 404.
 */
export function verifyTrailingSlashRoute() {
  const app = new Hono<AppEnv>();
  for (const prefix of ['/v', '/V']) {
    app.get(`${prefix}/:token/`, (c) => {
      const url = new URL(c.req.url);
      return c.redirect(`${url.pathname.slice(0, -1)}${url.search}`, 301);
    });
  }
  return app;
}
