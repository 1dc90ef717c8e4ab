import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { CitizenSession, SessionService } from '../../auth/sessions.js';
import { AppError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';

/** The session cookie: HttpOnly, Secure, SameSite=Lax, whole site. */
export const SESSION_COOKIE = 'session';

/** The header that must repeat the session's CSRF token on POST, PUT, PATCH and DELETE. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets the session cookie after a successful sign-in. */
export function setSessionCookie(c: Context, token: string, session: CitizenSession): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}

/**
 * Requires a signed-in citizen: resolves the cookie to a session (401 otherwise) and, on a
 * state-changing request, checks the CSRF header against the session's token (403 otherwise).
 */
export const citizenSession = (sessions: SessionService) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessions.find(token) : undefined;
    if (!session) {
      throw new AppError('unauthorized', 'Sign in first (EDS or SMS code)');
    }

    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
      throw new AppError(
        'forbidden',
        `The ${CSRF_HEADER} header must carry the session's CSRF token`,
      );
    }

    c.set('citizen', { iin: session.iin, method: session.method });
    await next();
  });
