import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/**
 * `GET /api/v1/log/key`: the key that verifies checkpoints, as a signed-note verifier key
 * `<name>+<key id hex>+<base64(0x01 ‖ public key)>`, with no trailing newline. Monitors pin it.
 */
export function logKeyRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/log/key', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(services.transparencyLog.verifierKey);
  });
}
