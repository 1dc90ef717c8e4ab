import { Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import { parseIin } from '../../domain/iin.js';
import { VERIFIER_HEADER, verifierOrganization } from '../../services/verification-log.js';
import type { AppEnv } from '../env.js';
import { jsonBody } from '../middleware/json-body.js';
import { HomePage } from '../pages/home-page.js';
import { VerifyPage } from '../pages/verify-page.js';
import { checkLookupIin, lookupRequest } from '../schemas/lookup-request.js';
import type { AppServices } from '../services.js';

/**
 * The serial plus the holder's IIN: `POST /api/v1/verify/lookup` answers the verdict JSON of
 * `GET /api/v1/verify/<token>`; `POST /lookup` is the same from the front page's form without
 * JavaScript. Both are POST so the IIN never travels in a URL, and neither logs it.
 */
export function verifyLookupRoute(services: AppServices) {
  const domain = new URL(services.publicUrl).host;
  const lookup = (serial: string, iin: string, address: string) =>
    services.verificationLookup.lookup(
      serial,
      iin,
      services.publicPages.pseudonym('lookup', address),
    );

  return new Hono<AppEnv>()
    .post('/api/v1/verify/lookup', jsonBody(lookupRequest), async (c) => {
      const { serial, iin } = c.req.valid('json');
      checkLookupIin(iin);
      verifierOrganization(c.req.header(VERIFIER_HEADER)); // a bad name is a 400, before the check
      const outcome = await lookup(serial, iin, c.get('clientAddress'));
      if (!outcome.ok) {
        c.header('Retry-After', String(outcome.retryAfter));
        throw new AppError('rate_limited', 'Too many lookups; try again later');
      }

      services.verificationLog.recordVerdict(
        outcome.result,
        c.req.header('x-verifier-organization'),
      );
      c.header('Cache-Control', 'no-store');
      return c.json(outcome.result);
    })
    .post('/lookup', async (c) => {
      const lang = c.get('lang');
      const form = await c.req.parseBody();
      const serialText = typeof form.serial === 'string' ? form.serial.slice(0, 40) : '';
      const parsed = lookupRequest.safeParse({ serial: serialText, iin: form.iin ?? '' });
      c.header('Cache-Control', 'no-store');

      const iinBroken = parsed.success && !parseIin(parsed.data.iin).ok;
      if (!parsed.success || iinBroken) {
        const notice =
          iinBroken || parsed.error?.issues[0]?.path[0] === 'iin' ? 'bad_iin' : 'bad_serial';
        const page = (
          <HomePage lang={lang} path="/" domain={domain} notice={notice} serial={serialText} />
        );
        return c.html(page, 400);
      }
      const outcome = await lookup(parsed.data.serial, parsed.data.iin, c.get('clientAddress'));
      if (!outcome.ok) {
        c.header('Retry-After', String(outcome.retryAfter));
        return c.html(<HomePage lang={lang} path="/" domain={domain} notice="busy" />, 429);
      }
      services.verificationLog.recordVerdict(
        outcome.result,
        c.req.header('x-verifier-organization'),
      );
      return c.html(<VerifyPage result={outcome.result} lang={lang} path="/" domain={domain} />);
    });
}
