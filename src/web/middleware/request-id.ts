import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

const INCOMING = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id, echoed in `X-Request-Id` and in error bodies, so a support call
 * can find the log line. A well-formed incoming id (from a proxy) is kept.
 */
export const requestId = (random: () => string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && INCOMING.test(incoming) ? incoming : `req_${random()}`;
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  });
