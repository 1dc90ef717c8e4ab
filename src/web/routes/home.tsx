import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { HomePage } from '../pages/home-page.js';
import type { AppServices } from '../services.js';

/** Pulls a token out of a pasted verify link, or takes a bare token. */
export function tokenFromInput(input: string): string {
  const text = input.trim();
  const match = /\/v\/([A-Za-z2-7]+)\/?(?:[?#].*)?$/i.exec(text);
  return (match?.[1] ?? text).toUpperCase();
}

/** `GET /`: the front door; `GET /verify?code=…` turns a pasted link into its verify page. */
export function homeRoute(services: Pick<AppServices, 'publicUrl'>) {
  const domain = new URL(services.publicUrl).host;

  return new Hono<AppEnv>()
    .get('/', (c) => c.html(<HomePage lang={c.get('lang')} path="/" domain={domain} />))
    .get('/verify', (c) => {
      const lang = c.get('lang');
      const token = tokenFromInput(c.req.query('code') ?? '');

      // A serial or an id typed from the paper is not a link: say so instead of "forged".
      if (!/^[A-Z2-7]{100,512}$/.test(token)) {
        const page = <HomePage lang={lang} path="/" domain={domain} notice="not_a_link" />;
        return c.html(page, 422);
      }
      const query = c.req.query('lang') ? `?lang=${lang}` : '';
      return c.redirect(`/v/${token}${query}`, 303);
    });
}
