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
      const token = tokenFromInput(c.req.query('code') ?? '');
      if (!/^[A-Z2-7]{1,512}$/.test(token)) return c.redirect('/v/INVALID', 303);
      return c.redirect(`/v/${token}`, 303);
    });
}
