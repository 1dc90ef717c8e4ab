/**
 * How often a code may be requested. Counted from the rows of `otp_codes`, so the limits hold
 * across restarts and across every process that shares the database.
 *
 * - Per IIN: one code a minute, five an hour. Enough for a citizen who mistyped twice; too few
 *   to spam someone's phone by repeating their IIN.
 * - Per phone: one a minute, ten an hour. A phone may be registered to several people of one
 *   family, so it gets more per hour than one IIN, but never more than one message a minute.
 */

export interface RateLimit {
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const OTP_LIMITS_PER_IIN: readonly RateLimit[] = [
  { max: 1, windowMs: MINUTE },
  { max: 5, windowMs: HOUR },
];

export const OTP_LIMITS_PER_PHONE: readonly RateLimit[] = [
  { max: 1, windowMs: MINUTE },
  { max: 10, windowMs: HOUR },
];

/** How far back requests matter, and how many of them, for a set of limits. */
export function lookBack(limits: readonly RateLimit[]): { windowMs: number; count: number } {
  return {
    windowMs: Math.max(...limits.map((l) => l.windowMs)),
    count: Math.max(...limits.map((l) => l.max)),
  };
}

/**
 * Milliseconds until one more request fits every limit; 0 when it fits now.
 *
 * @param sent times of earlier requests, newest first (at least the `lookBack` of the limits).
 */
export function waitBeforeNext(sent: readonly Date[], now: Date, limits: readonly RateLimit[]) {
  let wait = 0;

  for (const { max, windowMs } of limits) {
    const inWindow = sent.filter((at) => now.getTime() - at.getTime() < windowMs);
    const oldestThatCounts = inWindow[max - 1];
    if (oldestThatCounts === undefined) continue;

    // A slot frees when the max-th newest request leaves the window.
    wait = Math.max(wait, oldestThatCounts.getTime() + windowMs - now.getTime());
  }
  return wait;
}
