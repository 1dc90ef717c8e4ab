import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { pickLanguage } from '../i18n/verdict-messages.js';
import { HomePage } from '../pages/home-page.js';

/** Pulls a token out of a pasted verify link, or takes a bare token. */
export function tokenFromInput(input: string): string {
  const text = input.trim();
  const match = /\/v\/([A-Za-z2-7]+)\/?(?:[?#].*)?$/i.exec(text);
  return (match?.[1] ?? text).toUpperCase();
}

/** `GET /`: the front door; `GET /verify?code=…` turns a pasted link into its verify page. */
export function homeRoute() {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const lang = pickLanguage(c.req.query('lang'), c.req.header('accept-language'));
      c.header('Vary', 'Accept-Language');
      return c.html(<HomePage lang={lang} />);
    })
    .get('/verify', (c) => {
      const lang = pickLanguage(c.req.query('lang'), c.req.header('accept-language'));
      const token = tokenFromInput(c.req.query('code') ?? '');

      // A serial or an id typed from the paper is not a link: say so instead of "forged".
      if (!/^[A-Z2-7]{100,512}$/.test(token)) {
        return c.html(<HomePage lang={lang} notice="not_a_link" />, 422);
      }
      const query = c.req.query('lang') ? `?lang=${lang}` : '';
      return c.redirect(`/v/${token}${query}`, 303);
    });
}
