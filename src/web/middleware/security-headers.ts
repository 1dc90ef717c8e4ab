import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';

/**
 * The headers every response carries. The pages use no inline script, style or event handler:
 * scripts and styles come only from this origin (`public/`), so the Content-Security-Policy
 * needs no `unsafe-inline`. The camera is allowed for this origin only (the front page scans).
 */
const HEADERS: readonly (readonly [string, string])[] = [
  [
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
      "connect-src 'self'; worker-src 'self'; media-src 'self' blob:; object-src 'none'; " +
      "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  ],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(self), geolocation=(), microphone=()'],
];
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response, set on the finished response in place. Not `c.header`
 * after `next()`: on a finished response Hono copies the whole response for each call, which
 * turns a string body into a stream and cost a third of the verify API's time per request.
 */
export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  setSecurityHeaders(mutableHeaders(c), c.req.url.startsWith('https:'));
});

/** Sets the security headers on `headers`; for answers made outside the app (edge cache hits). */
export function setSecurityHeaders(headers: Headers, https: boolean): void {
  for (const [name, value] of HEADERS) headers.set(name, value);
  if (https) headers.set('Strict-Transport-Security', HSTS);
}

/**
 * The response's headers, copied into a new response first when they are immutable (a response
 * passed through from `fetch`, such as the Workers assets binding).
 */
function mutableHeaders(c: Context): Headers {
  try {
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  } catch {
    c.res = new Response(c.res.body, c.res);
  }
  return c.res.headers;
}
