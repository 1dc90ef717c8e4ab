import { type Context, Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import type { ProviderKeyRow } from '../../store/registry-store.js';
import type { AppEnv } from '../env.js';
import { jsonBody, noBody } from '../middleware/json-body.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { compromiseRequestSchema, KID } from '../schemas/key-request.js';
import type { AppServices } from '../services.js';

/** A provider key as its administrators see it; the same facts as the JWKS, readable. */
function keyJson(row: ProviderKeyRow) {
  return {
    kid: row.kid,
    providerId: row.providerId,
    status: row.status,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter?.toISOString() ?? null,
    compromisedSince: row.compromisedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The key lifecycle for a provider's administrators (role `admin`): rotate, retire, declare
 * compromised. Another provider's administrator gets 403; a kid of another provider, 404.
 */
export function providerKeyRoutes(services: AppServices) {
  const admin = officerAuth(services.store, 'admin');
  const command = (c: Context<AppEnv>, providerId: string) => {
    const officer = c.get('officer');
    return {
      providerId,
      officerProviderId: officer.providerId,
      actor: `officer:${officer.id}`,
      requestId: c.get('requestId'),
    };
  };
  const kidOf = (kid: string) => {
    if (!KID.test(kid))
      throw new AppError('not_found', 'No key with this kid belongs to this provider');
    return kid;
  };

  return new Hono<AppEnv>()
    .post('/api/v1/providers/:providerId/keys/rotate', admin, noBody, async (c) => {
      const result = await services.keys.rotate(command(c, c.req.param('providerId')));
      return c.json({ key: keyJson(result.key), retired: result.retired.map(keyJson) }, 201);
    })
    .post('/api/v1/providers/:providerId/keys/:kid/retire', admin, noBody, async (c) => {
      const { key, changed } = await services.keys.retire({
        ...command(c, c.req.param('providerId')),
        kid: kidOf(c.req.param('kid')),
      });
      return c.json({ key: keyJson(key), alreadyRetired: !changed });
    })
    .post(
      '/api/v1/providers/:providerId/keys/:kid/compromise',
      admin,
      jsonBody(compromiseRequestSchema),
      async (c) => {
        const { key, changed } = await services.keys.compromise({
          ...command(c, c.req.param('providerId')),
          kid: kidOf(c.req.param('kid')),
          since: new Date(c.req.valid('json').since),
        });
        return c.json({
          key: keyJson(key),
          alreadyCompromised: !changed,
          invalidatedCertificates: await services.keys.invalidatedBy(key),
        });
      },
    );
}
