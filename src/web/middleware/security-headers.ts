import { createMiddleware } from 'hono/factory';

/**
 * Security headers on every response. The pages use no inline script, style or event handler:
 * scripts and styles come only from this origin (`public/`), so the Content-Security-Policy
 * needs no `unsafe-inline`. The camera is allowed for this origin only (the front page scans).
 */
export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
      "connect-src 'self'; worker-src 'self'; media-src 'self' blob:; object-src 'none'; " +
      "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  );
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(self), geolocation=(), microphone=()');
  if (new URL(c.req.url).protocol === 'https:') {
    c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
});
