import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { CitizenSession } from '../../auth/sessions.js';
import { maskIin } from '../../domain/iin.js';
import type { AppEnv } from '../env.js';
import { SESSION_COOKIE, setSessionCookie } from '../middleware/citizen-session.js';
import type { AppServices } from '../services.js';

/**
 * The answer to a successful sign-in, by SMS code or EDS alike: the session cookie, and in the
 * body the CSRF token that state-changing requests must repeat in `x-csrf-token`. A session the
 * browser already held is closed, so one browser never holds two.
 */
export async function signedIn(
  c: Context<AppEnv>,
  services: AppServices,
  opened: { token: string; session: CitizenSession },
) {
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await services.sessions.close(previous);

  const { session } = opened;
  setSessionCookie(c, opened.token, session);
  c.header('Cache-Control', 'no-store');
  return c.json({
    iin: maskIin(session.iin),
    method: session.method,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  });
}
