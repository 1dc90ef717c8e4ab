import { createMiddleware } from 'hono/factory';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../domain/errors.js';
import type { AppEnv } from './env.js';

/** Requests per client and window of the anonymous writes (see README, "Limits"). */
export const ANONYMOUS_LIMITS = {
  /** `POST /api/v1/auth/eds/challenge`: each stores a nonce. */
  edsChallenge: { points: 30, durationSeconds: 60 },
  /**
   * `POST /api/v1/auth/otp`: each may send an SMS to someone. The limits per IIN and phone
   * (src/auth/otp-rate-limit.ts) spare each person; this one stops one client texting everyone
   * it can name, while leaving room for a service centre where many citizens share an address.
   */
  otpRequests: { points: 30, durationSeconds: 600 },
  /** `POST /api/v1/verify/<token>/receipt(.pdf)`: each signs and records a receipt. */
  receipts: { points: 30, durationSeconds: 60 },
  /** `POST /api/v1/verify`: each reads a PDF or decodes a photo. */
  uploads: { points: 20, durationSeconds: 60 },
} as const;

/**
 * Refuses a client over `limit` with `429 rate_limited` and `Retry-After`. The key is the
 * client address the app sets (src/web/app.ts), kept in this process's memory only, for the
 * window; several processes each count on their own, which bounds the cost per process.
 */
export function rateLimit(limit: { points: number; durationSeconds: number }, what: string) {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.durationSeconds });
  return createMiddleware<AppEnv>(async (c, next) => {
    try {
      await limiter.consume(c.get('clientAddress'));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      c.header('Retry-After', String(Math.ceil(error.msBeforeNext / 1000)));
      throw new AppError('rate_limited', `Too many ${what} from this client; try again later`);
    }
    await next();
  });
}
