import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { jsonBody } from '../middleware/json-body.js';
import { edsSignInSchema } from '../schemas/auth-requests.js';
import type { AppServices } from '../services.js';
import { validJson } from '../validate.js';
import { signedIn } from './auth-signed-in.js';

/**
 * `POST /api/v1/auth/eds` `{ iin, nonce, signature }`: a signature that verifies under the EDS
 * key registered to the IIN opens a session; otherwise `401 eds_challenge_invalid` or
 * `eds_signature_invalid`. The nonce is spent either way.
 */
export function edsSignInRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/auth/eds',
    jsonBody,
    validJson(edsSignInSchema),
    async (c) => {
      c.header('Cache-Control', 'no-store');

      const opened = await services.auth.eds.signIn(c.req.valid('json'), c.get('logger'));
      return signedIn(c, services, opened);
    },
  );
}
