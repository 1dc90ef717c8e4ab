import { Hono } from 'hono';
import { VERIFIER_HEADER, verifierOrganization } from '../../services/verification-log.js';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/** `GET /api/v1/verify/<token>`: the verdict as JSON. Always 200: a failed check is a verdict. */
export function verifyApiRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/verify/:token', async (c) => {
    verifierOrganization(c.req.header(VERIFIER_HEADER)); // a bad name is a 400, before the check
    const result = await services.verification.verify(c.req.param('token'));
    c.set('verification', result);
    services.verificationLog.recordVerdict(result, c.req.header('x-verifier-organization'));
    c.header('Cache-Control', 'no-store');
    // Still a verdict (200), but a client may be told when asking again is worth it.
    if (result.verdict === 'status_unavailable') c.header('Retry-After', '5');
    return c.json(result);
  });
}
