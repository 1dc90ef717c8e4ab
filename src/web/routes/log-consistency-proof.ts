import { Hono } from 'hono';
import { toBase64 } from '../../translog/base64.js';
import type { AppEnv } from '../env.js';
import { logInteger } from '../log-query.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/log/proof/consistency?from=<m>&to=<n>`: `{ from, to, proof }`, the proof
 * (RFC 9162 §2.1.4) that the tree of `m` leaves is a prefix of the tree of `n`, hashes in base64.
 * It is empty when m = 0 or m = n, where there is nothing to prove.
 */
export function logConsistencyProofRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/log/proof/consistency', async (c) => {
    const from = logInteger(c.req.query('from'), 'from');
    const to = logInteger(c.req.query('to'), 'to');

    const answer = await services.transparencyLog.consistency(from, to);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.json({ from: answer.from, to: answer.to, proof: answer.proof.map(toBase64) });
  });
}
