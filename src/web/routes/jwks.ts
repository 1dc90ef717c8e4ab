import { Hono } from 'hono';
import { fromBase64Url } from '../../crypto/bytes.js';
import { publicJwk } from '../../crypto/jwk.js';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/**
 * `GET /.well-known/jwks.json`: every provider key ever used, with its provider, status and
 * validity window (`nbf`/`exp`, seconds), so old certificates stay verifiable after a rotation.
 * `status` is `active` (signs), `retired` (verifies only) or `compromised`, which carries
 * `compromisedSince` (seconds): what it signed from then on is not to be trusted.
 */
export function jwksRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/.well-known/jwks.json', async (c) => {
    const rows = await services.store.listKeys();
    const keys = rows.map((row) => ({
      ...publicJwk(fromBase64Url(row.publicKey, 'publicKey')),
      kid: row.kid,
      use: 'sig',
      alg: 'EdDSA',
      provider: row.providerId,
      status: row.status,
      nbf: Math.floor(row.notBefore.getTime() / 1000),
      ...(row.notAfter ? { exp: Math.floor(row.notAfter.getTime() / 1000) } : {}),
      // Certificates this key signed with an issue time at or after this instant are invalid.
      ...(row.compromisedAt
        ? { compromisedSince: Math.floor(row.compromisedAt.getTime() / 1000) }
        : {}),
    }));

    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ keys });
  });
}
