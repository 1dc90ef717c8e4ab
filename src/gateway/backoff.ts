/**
 * How long to wait before trying a state source again. Exponential backoff spreads retries out
 * while a source recovers; the jitter keeps many workers that failed together from retrying in
 * the same instant.
 */

export interface BackoffOptions {
  /** The delay ceiling before the first retry; it doubles for each retry after that. */
  baseDelayMs: number;
  /** No single delay grows beyond this. */
  maxDelayMs: number;
}

/**
 * The delay before retry number `retry` (1 for the first retry): half of the exponential step is
 * fixed, the other half random, so retries never bunch at zero yet still spread out.
 *
 * @param random a number in [0, 1), injected so that tests are repeatable.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): either whole seconds or an HTTP date. Answers
 * milliseconds from `now`, never negative, or `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;

  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;

  // HTTP dates in all three forms of RFC 9110 §5.6.7 open with the day name. Checking for it
  // keeps `Date.parse`, which reads almost anything, from taking "-5" for a year.
  const at = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
