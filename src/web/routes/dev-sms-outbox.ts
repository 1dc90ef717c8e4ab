import { Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import type { AppServices } from '../services.js';

/** The newest messages shown; the demo and tests look at the last few. */
const SHOWN = 100;

/**
 * `GET /api/v1/dev/sms-outbox`, demo mode only: the SMS "sent" to the outbox, newest first, as
 * `{ messages: [{ seq, phone, text, sentAt }] }`. It exists so that the demo and the tests can read
 * sign-in codes; outside demo mode it answers 404 like any unknown path.
 */
export function devSmsOutboxRoute(services: AppServices) {
  return new Hono<AppEnv>().get('/api/v1/dev/sms-outbox', async (c) => {
    const outbox = services.auth.outbox;
    if (!outbox) throw new AppError('not_found', 'No such resource');

    const messages = await outbox.latest(SHOWN);
    c.header('Cache-Control', 'no-store');
    return c.json({
      messages: messages.map((m) => ({ ...m, sentAt: m.sentAt.toISOString() })),
    });
  });
}
