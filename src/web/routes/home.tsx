import { Hono } from 'hono';
import { readVerifyLink } from '../../domain/verify-link.js';
import type { AppEnv } from '../env.js';
import { HomePage } from '../pages/home-page.js';
import type { AppServices } from '../services.js';

/**
 * `GET /`: the front door; `GET /verify?code=…` turns a pasted link into its verify page. The
 * link is read as the in-page scanner reads it: a link to another site is named, never followed
 * (a QR code that leads elsewhere is how quishing works).
 */
export function homeRoute(services: Pick<AppServices, 'publicUrl'>) {
  const domain = new URL(services.publicUrl).host;

  return new Hono<AppEnv>()
    .get('/', (c) => c.html(<HomePage lang={c.get('lang')} path="/" domain={domain} />))
    .get('/verify', (c) => {
      const lang = c.get('lang');
      const link = readVerifyLink(c.req.query('code') ?? '', domain);

      if (link.kind === 'foreign') {
        const page = (
          <HomePage lang={lang} path="/" domain={domain} notice="foreign_link" host={link.host} />
        );
        return c.html(page, 422);
      }
      // A serial or an id typed from the paper is not a link: say so instead of "forged".
      if (link.kind === 'not_a_link' || !/^[A-Z2-7]{100,512}$/.test(link.token)) {
        const page = <HomePage lang={lang} path="/" domain={domain} notice="not_a_link" />;
        return c.html(page, 422);
      }
      const query = c.req.query('lang') ? `?lang=${lang}` : '';
      return c.redirect(`/v/${link.token}${query}`, 303);
    });
}
