import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';
import { isLanguage, LANGUAGE_COOKIE, pickLanguage } from '../i18n/languages.js';

/** A year: long enough that a visitor chooses once. */
const REMEMBER_SECONDS = 365 * 24 * 3600;

/**
 * Picks each request's language and remembers an explicit choice (`?lang=`, what the switcher
 * links carry) in the `lang` cookie. The cookie holds only the language code: a preference,
 * not an identifier, so it needs no consent banner.
 */
export const language = createMiddleware<AppEnv>(async (c, next) => {
  const query = c.req.query('lang');
  const remembered = getCookie(c, LANGUAGE_COOKIE);
  const lang = pickLanguage(query, c.req.header('accept-language'), remembered);
  c.set('lang', lang);

  await next();

  if (isLanguage(query) && query !== remembered) {
    setCookie(c, LANGUAGE_COOKIE, query, {
      path: '/',
      maxAge: REMEMBER_SECONDS,
      sameSite: 'Lax',
      secure: new URL(c.req.url).protocol === 'https:',
    });
  }
  if (c.res.headers.get('content-type')?.startsWith('text/html')) {
    c.header('Vary', 'Accept-Language, Cookie');
  }
});
