import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { pickLanguage } from '../i18n/verdict-messages.js';
import { VerifyPage } from '../pages/verify-page.js';
import type { AppServices } from '../services.js';

/**
 * `GET /v/<token>`: the page a phone camera opens. QR codes carry the URL in upper case
 * (alphanumeric mode), so `/V/<token>` is the same page.
 */
export function verifyPageRoute(services: AppServices) {
  const app = new Hono<AppEnv>();

  for (const prefix of ['/v', '/V']) {
    app.get(`${prefix}/:token`, async (c) => {
      const result = await services.verification.verify(c.req.param('token'));
      c.set('verification', result);
      c.set('verification', result);
      services.verificationLog.recordVerdict(result, c.req.header('x-verifier-organization'));
      const lang = pickLanguage(c.req.query('lang'), c.req.header('accept-language'));

      c.header('Cache-Control', 'no-store');
      c.header('Vary', 'Accept-Language');
      return c.html(<VerifyPage result={result} lang={lang} path={new URL(c.req.url).pathname} />);
    });
  }
  return app;
}
