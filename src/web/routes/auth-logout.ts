import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../env.js';
import {
  citizenSession,
  clearSessionCookie,
  SESSION_COOKIE,
} from '../middleware/citizen-session.js';
import { noBody } from '../middleware/json-body.js';
import type { AppServices } from '../services.js';

/**
 * `POST /api/v1/auth/logout`: ends the session and clears the cookie. Needs the session and its
 * CSRF token in `x-csrf-token`, so another site cannot sign a citizen out.
 */
export function logoutRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/auth/logout',
    citizenSession(services.sessions),
    noBody,
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await services.sessions.close(token);

      clearSessionCookie(c);
      c.get('logger').info('auth.signed_out', { method: c.get('citizen').method });
      c.header('Cache-Control', 'no-store');
      return c.json({ signedOut: true });
    },
  );
}
