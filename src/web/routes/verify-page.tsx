import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { VerifyPage } from '../pages/verify-page.js';
import type { AppServices } from '../services.js';

/**
 * `GET /v/<token>`: the page a phone camera opens. QR codes carry the URL in upper case
 * (alphanumeric mode), so `/V/<token>` is the same page.
 */
export function verifyPageRoute(services: AppServices) {
  const app = new Hono<AppEnv>();
  const domain = new URL(services.publicUrl).host;

  for (const prefix of ['/v', '/V']) {
    app.get(`${prefix}/:token`, async (c) => {
      const result = await services.verification.verify(c.req.param('token'));
      c.set('verification', result);
      c.set('verification', result);
      services.verificationLog.recordVerdict(result, c.req.header('x-verifier-organization'));

      c.header('Cache-Control', 'no-store');
      const path = new URL(c.req.url).pathname;
      return c.html(
        <VerifyPage result={result} lang={c.get('lang')} path={path} domain={domain} />,
      );
    });
  }
  return app;
}
