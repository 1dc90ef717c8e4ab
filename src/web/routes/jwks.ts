import { Hono } from 'hono';
import { fromBase64Url } from '../../crypto/bytes.js';
import { publicJwk } from '../../crypto/jwk.js';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/**
 * `GET /.well-known/jwks.json`: every provider key ever used, with its provider, status and
 * validity window (`nbf`/`exp`), so old certificates stay verifiable after a rotation.
 * `status` is `active` (signs), `retired` (verifies only) or `compromised`, which carries
 * `compromisedSince`: what it signed from then on is not to be trusted.
 *
 * The instants are NumericDates (RFC 7519 §2: seconds, which may have a fraction) to the
 * millisecond, exactly the API's instants / 1000: truncated to whole seconds, a certificate
 * signed in the same second just before a compromise would look compromised to an offline
 * verifier while the registry calls it valid.
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
      nbf: numericDate(row.notBefore),
      ...(row.notAfter ? { exp: numericDate(row.notAfter) } : {}),
      // Certificates this key signed with an issue time at or after this instant are invalid.
      ...(row.compromisedAt ? { compromisedSince: numericDate(row.compromisedAt) } : {}),
    }));

    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ keys });
  });
}

/** Seconds since the epoch with the milliseconds as a fraction: 1796376269.45. */
function numericDate(at: Date): number {
  return at.getTime() / 1000;
}
