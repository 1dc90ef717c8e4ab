import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { noBody } from '../middleware/json-body.js';
import { ANONYMOUS_LIMITS, rateLimit } from '../rate-limit.js';
import type { AppServices } from '../services.js';

/**
 * `POST /api/v1/auth/eds/challenge`: `201 { nonce, expiresAt }`, a fresh nonce to sign for EDS
 * sign-in (see src/auth/eds-message.ts for the exact bytes), valid two minutes and once.
 */
export function edsChallengeRoute(services: AppServices) {
  const limit = rateLimit(ANONYMOUS_LIMITS.edsChallenge, 'sign-in challenges');
  return new Hono<AppEnv>().post('/api/v1/auth/eds/challenge', limit, noBody, async (c) => {
    const { nonce, expiresAt } = await services.auth.eds.challenge();

    c.header('Cache-Control', 'no-store');
    return c.json({ nonce, expiresAt: expiresAt.toISOString() }, 201);
  });
}
