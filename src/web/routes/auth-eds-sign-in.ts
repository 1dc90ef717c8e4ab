import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { jsonBody } from '../middleware/json-body.js';
import { edsSignInSchema } from '../schemas/auth-requests.js';
import type { AppServices } from '../services.js';
import { signedIn } from './auth-signed-in.js';

/** The form of a nonce the registry hands out; anything else names no challenge. */
const NONCE = /^[A-Za-z0-9_-]{43}$/;

/**
 * `POST /api/v1/auth/eds` `{ iin, nonce, signature }`: a signature that verifies under the EDS
 * key registered to the IIN opens a session; otherwise `401 eds_challenge_invalid` or
 * `eds_signature_invalid`. The nonce is spent either way, also when the body is refused with a
 * 400 (a padded signature, a malformed IIN) but names a nonce.
 */
export function edsSignInRoute(services: AppServices) {
  return new Hono<AppEnv>().post(
    '/api/v1/auth/eds',
    jsonBody(edsSignInSchema, {
      onInvalid: async (body) => {
        const nonce = (body as { nonce?: unknown } | null)?.nonce;
        if (typeof nonce === 'string' && NONCE.test(nonce)) await services.auth.eds.spend(nonce);
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');

      const opened = await services.auth.eds.signIn(c.req.valid('json'), c.get('logger'));
      return signedIn(c, services, opened);
    },
  );
}
