import { Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import { jsonBody } from '../middleware/json-body.js';
import { ANONYMOUS_LIMITS, rateLimit } from '../rate-limit.js';
import { otpRequestSchema } from '../schemas/auth-requests.js';
import type { AppServices } from '../services.js';

/**
 * `POST /api/v1/auth/otp` `{ iin }`: sends a sign-in code by SMS to the phone registered to the
 * IIN. `202 { sent, phoneHint, expiresAt }`, the same for every valid IIN (see OtpSignIn);
 * `429` with `Retry-After` when a rate limit says to wait: the IIN's, the phone's, or this
 * client's (30 requests in 10 minutes, whatever the IINs).
 */
export function otpRequestRoute(services: AppServices) {
  const perClient = rateLimit(ANONYMOUS_LIMITS.otpRequests, 'sign-in codes requested');
  return new Hono<AppEnv>().post(
    '/api/v1/auth/otp',
    perClient,
    jsonBody(otpRequestSchema),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const { iin } = c.req.valid('json');

      const result = await services.auth.otp.request(iin, c.get('logger'));
      if (result.status === 'rate_limited') {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        c.header('Retry-After', String(seconds));
        throw new AppError(
          'rate_limited',
          `Too many codes requested for this ${result.scope === 'iin' ? 'IIN' : 'phone'}; ` +
            `try again in ${seconds} s`,
        );
      }

      return c.json(
        { sent: true, phoneHint: result.phoneHint, expiresAt: result.expiresAt.toISOString() },
        202,
      );
    },
  );
}
