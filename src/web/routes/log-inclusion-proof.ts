import { Hono } from 'hono';
import { isCertificateId } from '../../crypto/certificate-id.js';
import { fieldError } from '../../domain/errors.js';
import { toBase64 } from '../../translog/base64.js';
import type { AppEnv } from '../env.js';
import { logInteger } from '../log-query.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/log/proof/inclusion?certificate=<id>&size=<n>`: `{ index, size, proof }`, the
 * audit path (RFC 9162 §2.1.3) of the certificate's issuance entry in the tree of `n` leaves,
 * deepest sibling first, each hash in base64.
 */
export function logInclusionProofRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/log/proof/inclusion', async (c) => {
    const certificate = c.req.query('certificate');
    if (!isCertificateId(certificate)) {
      throw fieldError('validation_failed', 'certificate', 'expected a certificate id (crt_…)');
    }
    const size = logInteger(c.req.query('size'), 'size', 1);

    const answer = await services.transparencyLog.inclusion(certificate, size);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.json({ index: answer.index, size: answer.size, proof: answer.proof.map(toBase64) });
  });
}
