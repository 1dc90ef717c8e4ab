import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { jsonBody } from '../middleware/json-body.js';
import { otpVerifySchema } from '../schemas/auth-requests.js';
import type { AppServices } from '../services.js';
import { signedIn } from './auth-signed-in.js';

/**
 * `POST /api/v1/auth/otp/verify` `{ iin, code }`: a right code opens a session (cookie, and
 * `{ iin, method, csrfToken, expiresAt }`); a wrong one is `401 otp_invalid` with the attempts
 * left in the `Attempts-Left` header, the third `otp_attempts_exhausted`; a stale one `otp_expired`.
 */
export function otpVerifyRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/auth/otp/verify',
    jsonBody(otpVerifySchema),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const { iin, code } = c.req.valid('json');

      const opened = await services.auth.otp.verify(iin, code, c.get('logger'));
      return signedIn(c, services, opened);
    },
  );
}
